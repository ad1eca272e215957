//! Generic function components, one a file: none of them knows a page.

pub mod about;
pub mod chart;
pub mod chart_table;
pub mod chart_tools;
pub mod drafts;
pub mod embed_check;
pub mod embed_panel;
pub mod first_view;
pub mod focus;
pub mod later;
pub mod list_field;
pub mod long_work;
pub mod mainnet_load;
pub mod notices;
pub mod progress;
pub mod reward_data;
pub mod seed;
pub mod select;
pub mod slider;
pub mod tables;
pub mod value_editor;

pub use about::AboutModel;
pub use chart::Chart;
pub use first_view::{view_state, ViewState};
pub use later::Later;
pub use list_field::ListField;
pub use long_work::long_work;
pub use mainnet_load::{MainnetChoice, MainnetStatus};
pub use notices::Notices;
pub use progress::{run_status, Progress};
pub use reward_data::{DataPanel, DataSet, RewardData};
pub use seed::SeedField;
pub use select::{ChoiceSelect, Select};
pub use slider::Slider;
pub use value_editor::ValueEditor;
