//! Reusable function components, one a file.

pub mod chart;
pub mod drafts;
pub mod holders_table;
pub mod list_field;
pub mod notices;
pub mod progress;
pub mod reward_data;
pub mod select;
pub mod slider;
pub mod value_editor;

pub use chart::Chart;
pub use holders_table::HoldersTable;
pub use list_field::ListField;
pub use notices::Notices;
pub use progress::Progress;
pub use reward_data::RewardData;
pub use select::Select;
pub use slider::Slider;
pub use value_editor::ValueEditor;
