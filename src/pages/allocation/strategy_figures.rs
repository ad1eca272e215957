//! The mixed strategies' figure: for each player who bids, the mass at each atom (bars)
//! and the probability of bidding at most b (a line: the engine's exact CDF where it
//! gives one, the step function of the atoms otherwise).

use et_engine::contest::Strategy;

use crate::charts::{palette, Axis, Figure, Legend, Rgb, Series};
use crate::format;

/// One colour per player (by the order the values were entered), cycling.
pub const PLAYER_COLORS: [Rgb; 6] = [
    palette::BLUE,
    palette::ORANGE,
    palette::GREEN,
    palette::PURPLE,
    palette::SKY,
    palette::VERMILION,
];

/// Smallest mass drawn as a bar.
const MIN_MASS: f64 = 1e-9;

/// Whether a strategy ever bids more than 0 (a player who surely bids 0 stays out).
pub fn takes_part(s: &Strategy) -> bool {
    s.support.iter().zip(&s.probs).any(|(b, p)| *b > 0.0 && *p > MIN_MASS)
}

/// The atoms `(bid, mass)`: every point of a discrete strategy; for a continuous one
/// (`cdf` given) only its bottom atom, if it has one.
pub fn atoms(s: &Strategy) -> Vec<(f64, f64)> {
    let pairs = s.support.iter().copied().zip(s.probs.iter().copied());
    match &s.cdf {
        Some(_) => pairs.take(1).filter(|(_, p)| *p > MIN_MASS).collect(),
        None => pairs.filter(|(_, p)| *p > MIN_MASS).collect(),
    }
}

/// `P(bid ≤ b)` as a polyline from 0 to `top`: exact where the engine gives the CDF,
/// the step function of the atoms otherwise.
pub fn cdf_points(s: &Strategy, top: f64) -> Vec<(f64, f64)> {
    let mut points = vec![(0.0, 0.0)];
    match &s.cdf {
        Some(c) => points.extend(s.support.iter().copied().zip(c.iter().copied())),
        None => {
            let mut acc = 0.0;
            for (b, p) in s.support.iter().zip(&s.probs) {
                points.push((*b, acc));
                acc += p;
                points.push((*b, acc));
            }
        }
    }
    let last = points.last().copied().unwrap_or((0.0, 1.0));
    if last.0 < top {
        points.push((top, last.1));
    }
    points
}

/// Each bidding player's strategy: bars of mass at its atoms (side by side when players
/// share a bid) and its CDF, named "Player i (v = …)".
pub fn strategies_figure(strategies: &[Strategy], values: &[f64]) -> Figure {
    let top = strategies
        .iter()
        .flat_map(|s| s.support.iter().copied())
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    // Room on the right for the highest atom's bar and the CDFs' last step.
    let (width, right) = (top / 100.0, top * 1.06);
    let mut series = Vec::new();
    for (slot, (i, s)) in strategies.iter().enumerate().filter(|(_, s)| takes_part(s)).enumerate() {
        let color = PLAYER_COLORS[i % PLAYER_COLORS.len()];
        let offset = slot as f64 * width;
        let v = values
            .get(i)
            .map_or(String::new(), |v| format!(" (v = {})", format::sig(*v, 4)));
        let name = format!("Player {}{v}", i + 1);
        let bars: Vec<_> = atoms(s)
            .into_iter()
            .map(|(b, p)| (b + offset, b + offset + width, p))
            .collect();
        if !bars.is_empty() {
            series.push(Series::Bars {
                name: format!("{name}: atoms"),
                color,
                bars,
            });
        }
        series.push(Series::Line {
            name,
            color,
            points: cdf_points(s, right),
            dashed: false,
        });
    }
    Figure {
        title: "Mixed strategies: mass at each bid (bars), P(bid ≤ b) (lines)".into(),
        x: Axis::linear("Bid b", "ETH"),
        y: Axis::linear("Probability", "").fraction(),
        series,
        legend: Legend::Auto,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use et_engine::contest::{solve, Mechanism};

    #[test]
    fn atoms_bars_and_cdfs_of_each_kind() {
        // Wang's semi-mixed equilibrium: one atom for the strong player, two for the weak.
        let o = solve(&[4.0, 2.0, 1.0], Mechanism::tullock(1.5).unwrap()).unwrap();
        let st = o.strategies.unwrap();
        assert_eq!((atoms(&st[0]).len(), atoms(&st[1]).len()), (1, 2));
        assert!(!takes_part(&st[2]), "player 3 stays out");
        let fig = strategies_figure(&st, &[4.0, 2.0, 1.0]);
        let names: Vec<&str> = fig.series.iter().map(|s| s.name()).collect();
        assert_eq!(
            names,
            [
                "Player 1 (v = 4): atoms",
                "Player 1 (v = 4)",
                "Player 2 (v = 2): atoms",
                "Player 2 (v = 2)"
            ]
        );
        let c = cdf_points(&st[1], 2.0);
        assert!((c.last().unwrap().1 - 1.0).abs() < 1e-12 && c.last().unwrap().0 == 2.0);
        // The all-pay auction: exact CDFs, the weak player's atom at 0 of 1 − v₂/v₁.
        let ap = solve(&[4.0, 2.0], Mechanism::AllPayAuction).unwrap();
        let st = ap.strategies.unwrap();
        assert_eq!(atoms(&st[0]), vec![]);
        assert!((atoms(&st[1])[0].1 - 0.5).abs() < 1e-12);
        assert_eq!(cdf_points(&st[1], 2.0).len(), st[1].support.len() + 1);
    }
}
