//! The legend box: measured from its entries' text, put in a corner of the plot that
//! holds no data or, when none is free, outside the plot (right of it on a wide chart,
//! below it on a narrow one) — never over data, never by widening an axis.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::figure::{Figure, Legend, Series};
use super::geometry::DrawError;
use super::markers::{marker, marker_radius};
use super::plot::{color, px};

/// Where the legend goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Inside the plot, in this corner (which holds no data).
    Inside(Legend),
    /// Right of the plot (the chart's right margin holds it).
    Right,
    /// Below the plot and its axis title.
    Below,
}

/// A measured legend and its place, in backend pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendBox {
    pub place: Place,
    pub width: u32,
    pub height: u32,
    entries: Vec<(String, Key)>,
    scale: f64,
}

/// How an entry's swatch is drawn: as its series is.
#[derive(Clone, Debug, PartialEq)]
enum Key {
    Line { color: RGBColor, dashed: bool },
    Fill { color: RGBColor, opacity: f64 },
    Marker { color: RGBColor, shape: usize },
    Rule { color: RGBColor },
}

/// The named series of `fig` with their swatches.
fn entries(fig: &Figure) -> Vec<(String, Key)> {
    let mut points = 0;
    let mut out = Vec::new();
    for series in &fig.series {
        let key = match series {
            Series::Line { color: c, dashed, .. } => Key::Line {
                color: color(*c),
                dashed: *dashed,
            },
            Series::Band { color: c, opacity, .. } => Key::Fill {
                color: color(*c),
                opacity: *opacity,
            },
            Series::Bars { color: c, .. } => Key::Fill {
                color: color(*c),
                opacity: 0.75,
            },
            Series::Stack { color: c, .. } => Key::Fill {
                color: color(*c),
                opacity: 0.85,
            },
            Series::Points { color: c, .. } => {
                points += 1;
                Key::Marker {
                    color: color(*c),
                    shape: (points - 1) % 4,
                }
            }
            Series::Marker { color: c, .. } => Key::Rule { color: color(*c) },
            Series::Label { .. } => continue,
        };
        if !series.name().is_empty() {
            out.push((series.name().to_string(), key));
        }
    }
    out
}

const LINE: f64 = 16.0;
const PAD: f64 = 7.0;
const SWATCH: f64 = 20.0;
const GAP: f64 = 6.0;

fn font(s: f64) -> TextStyle<'static> {
    ("sans-serif", 12.0 * s).into_font().color(&BLACK)
}

impl LegendBox {
    /// Measures `fig`'s legend on `root` and chooses its place: the figure's corner (or,
    /// for [`Legend::Auto`], any corner) whose box covers no data; else outside, to the
    /// right when the box takes at most 30 % of the chart's width, else below. `None`
    /// when no series is named.
    pub fn plan<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, fig: &Figure, s: f64) -> Option<LegendBox> {
        let entries = entries(fig);
        if entries.is_empty() {
            return None;
        }
        let f = font(s);
        let text_w = entries
            .iter()
            .map(|(name, _)| root.estimate_text_size(name, &f).map(|d| d.0).unwrap_or(0))
            .max()
            .unwrap_or(0) as f64;
        let width = (text_w + (2.0 * PAD + SWATCH + GAP) * s).ceil() as u32;
        let height = ((entries.len() as f64 * LINE + 2.0 * PAD - 4.0) * s).ceil() as u32;
        let (w, h) = fig.legend_share_of(root.dim_in_pixel(), (width, height), s);
        let place = match fig.legend_inside(w, h) {
            Some(corner) => Place::Inside(corner),
            // Beside the plot only on a wide chart (720 CSS px and more), else below it.
            None if width as f64 <= 0.25 * root.dim_in_pixel().0 as f64
                && root.dim_in_pixel().0 as f64 >= 720.0 * s =>
            {
                Place::Right
            }
            None => Place::Below,
        };
        Some(LegendBox {
            place,
            width,
            height,
            entries,
            scale: s,
        })
    }

    /// The extra right and bottom margins (backend pixels) the chart leaves for it.
    pub fn margins(&self) -> (u32, u32) {
        let gap = px(self.scale, 12.0);
        match self.place {
            Place::Inside(_) => (0, 0),
            Place::Right => (self.width + gap, 0),
            Place::Below => (0, self.height + gap),
        }
    }

    /// Draws the box beside the plot area `plot` (backend pixels of `root`).
    pub fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        plot: (std::ops::Range<i32>, std::ops::Range<i32>),
    ) -> Result<(), DrawError> {
        let s = self.scale;
        let (base_x, base_y) = root.get_base_pixel();
        let (xs, ys) = (
            plot.0.start - base_x..plot.0.end - base_x,
            plot.1.start - base_y..plot.1.end - base_y,
        );
        let (w, h) = (self.width as i32, self.height as i32);
        let m = px(s, 8.0) as i32;
        let (x, y) = match self.place {
            Place::Inside(Legend::UpperLeft) => (xs.start + m, ys.start + m),
            Place::Inside(Legend::LowerLeft) => (xs.start + m, ys.end - m - h),
            Place::Inside(Legend::LowerRight) => (xs.end - m - w, ys.end - m - h),
            Place::Inside(_) => (xs.end - m - w, ys.start + m),
            Place::Right => (xs.end + px(s, 20.0) as i32, ys.start),
            Place::Below => (xs.start, root.dim_in_pixel().1 as i32 - h - px(s, 6.0) as i32),
        };
        root.draw(&Rectangle::new([(x, y), (x + w, y + h)], WHITE.mix(0.9).filled()))?;
        root.draw(&Rectangle::new([(x, y), (x + w, y + h)], BLACK.mix(0.25)))?;
        let style = font(s).pos(Pos::new(HPos::Left, VPos::Center));
        for (i, (name, key)) in self.entries.iter().enumerate() {
            let cy = y + ((PAD - 2.0 + LINE * (i as f64 + 0.5)) * s) as i32;
            let sx = x + px(s, PAD) as i32;
            self.swatch(root, key, (sx, cy))?;
            root.draw_text(name, &style, (sx + px(s, SWATCH + GAP) as i32, cy))?;
        }
        Ok(())
    }

    /// One swatch, its left end at `(x, y)`.
    fn swatch<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        key: &Key,
        (x, y): (i32, i32),
    ) -> Result<(), DrawError> {
        let s = self.scale;
        let w = px(s, SWATCH) as i32;
        match key {
            Key::Line { color, dashed } => {
                let st = color.stroke_width(px(s, 2.0).max(1));
                let d = px(s, 7.0) as i32;
                let parts = if *dashed {
                    vec![(x, x + d), (x + w - d, x + w)]
                } else {
                    vec![(x, x + w)]
                };
                for (a, b) in parts {
                    root.draw(&PathElement::new(vec![(a, y), (b, y)], st))?;
                }
            }
            Key::Fill { color, opacity } => {
                let h = px(s, 5.0) as i32;
                root.draw(&Rectangle::new(
                    [(x, y - h), (x + w, y + h)],
                    color.mix(*opacity).filled(),
                ))?;
            }
            Key::Marker { color, shape } => {
                root.draw(
                    &(EmptyElement::at((x + w / 2, y)) + marker(*shape, (0, 0), marker_radius(s), color.filled())),
                )?;
            }
            Key::Rule { color } => {
                let st = color.stroke_width(px(s, 1.5).max(1));
                let h = px(s, 6.0) as i32;
                root.draw(&PathElement::new(vec![(x + w / 2, y - h), (x + w / 2, y + h)], st))?;
            }
        }
        Ok(())
    }
}
