//! Charts as data ([`figure`]) and one generic plotters drawing function ([`draw`]).
//!
//! Pages build [`figure::Figure`]s from engine results (pure, testable natively);
//! [`draw::draw_figure`] renders any figure on any plotters backend at any size. Nothing
//! here knows a page.

pub mod bounds;
pub mod csv;
pub mod draw;
pub mod figure;
pub mod geometry;
pub mod legend;
pub mod legend_box;
pub mod markers;
pub mod plot;
pub mod ticks;

pub use draw::{draw_figure, DrawError, DrawStyle, PlotGeometry};
pub use figure::{palette, Axis, Figure, Legend, Rgb, Series};
