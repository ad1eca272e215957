//! Reusable function components, one a file.

pub mod chart;
pub mod notices;
pub mod slider;

pub use chart::Chart;
pub use notices::Notices;
pub use slider::Slider;
