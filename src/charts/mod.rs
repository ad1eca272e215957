//! Charts as data ([`figure`]) and one generic plotters drawing function ([`draw`]).
//!
//! A page builds [`figure::Figure`]s from engine results (pure, testable natively);
//! [`draw::draw_figure`] renders any figure on any plotters backend at any size.

pub mod allocation;
pub mod csv;
pub mod draw;
pub mod figure;
pub mod lottery;
pub mod market;
pub mod secondary;
pub mod ticket;

pub use draw::{draw_figure, DrawError, DrawStyle, PlotGeometry};
pub use figure::{Axis, Figure, Legend, Rgb, Series};
