//! The ticket lottery of Burian & Crapis (SPEC §1): closed forms.
//!
//! `n` tickets are outstanding; each slot one is drawn uniformly, its holder gets the
//! slot's reward `R` (i.i.d., mean `mu`, variance `var_r`), the ticket is burned and a
//! fresh one minted. A ticket's win time `T` is Geometric(1/n) on {1, 2, …} and its
//! present value is `V = R / (1 + d)^T`.
//!
//! Every closed form here is written so that no two nearly equal numbers are
//! subtracted: they hold to a few ulps for `d` down to 1e-12 and `n` up to 1e12.

use crate::error::{non_negative, positive, within, Result};

/// Validated parameters of the ticket lottery.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lottery {
    mu: f64,
    var_r: f64,
    d: f64,
    n: f64,
}

/// Everything the closed forms say about one ticket and the whole issue
/// (the output of `ticketValue` in the JS interface).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TicketSummary {
    /// `E[V]`, discounted by the lookahead.
    pub ticket_value: f64,
    /// `Var(V)`, discounted by the lookahead.
    pub ticket_variance: f64,
    /// `mu / d`, the present value of every future reward.
    pub total_npv: f64,
    /// `n E[V]`, the value of the outstanding tickets.
    pub issued_value: f64,
    /// `NPV − n E[V]`, the value of the tickets not yet issued.
    pub unissued_value: f64,
    /// `E[T] = n` slots.
    pub expected_wait_slots: f64,
    /// `P n E[V]` for a holding of share `P`, when a share was given.
    pub share_value: Option<f64>,
}

impl Lottery {
    /// Validates `mu ≥ 0`, `var_r ≥ 0`, `d > 0`, `n ≥ 1`, all finite.
    ///
    /// ```
    /// use et_engine::lottery::Lottery;
    /// // SPEC §1: E[V] = μ/(nd + 1).
    /// let l = Lottery::new(1.0, 0.0, 0.01, 100.0).unwrap();
    /// assert!((l.ticket_value() - 0.5).abs() < 1e-15);
    /// assert_eq!(Lottery::new(1.0, 0.0, 0.0, 100.0).unwrap_err().field(), "d");
    /// ```
    pub fn new(mu: f64, var_r: f64, d: f64, n: f64) -> Result<Self> {
        non_negative("mu", mu)?;
        non_negative("varR", var_r)?;
        positive("d", d)?;
        within("n", n, 1.0, f64::MAX)?;
        Ok(Self { mu, var_r, d, n })
    }

    /// The same lottery with another number of tickets (`n ≥ 1`).
    pub fn with_n(self, n: f64) -> Result<Self> {
        Self::new(self.mu, self.var_r, self.d, n)
    }

    /// Mean reward per slot.
    pub fn mu(&self) -> f64 {
        self.mu
    }
    /// Variance of the reward per slot.
    pub fn var_r(&self) -> f64 {
        self.var_r
    }
    /// Per-slot discount rate.
    pub fn d(&self) -> f64 {
        self.d
    }
    /// Number of outstanding tickets.
    pub fn n(&self) -> f64 {
        self.n
    }

    /// Present value of every future reward.
    ///
    /// # Formula
    /// `NPV = mu / d`
    pub fn total_npv(&self) -> f64 {
        self.mu / self.d
    }

    /// Expected present value of one ticket.
    ///
    /// # Formula
    /// `E[V] = mu / (n d + 1)`
    pub fn ticket_value(&self) -> f64 {
        self.mu / self.n.mul_add(self.d, 1.0)
    }

    /// Variance of one ticket's present value.
    ///
    /// # Formula
    /// `Var(V) = (varR + mu²) / (n d² + 2 n d + 1) − mu² / (n² d² + 2 n d + 1)`,
    /// evaluated as `varR / A + mu² n (n − 1) d² / (A B)` with `A = 1 + n d (d + 2)`
    /// and `B = (n d + 1)²`, which is the same number without the cancellation.
    pub fn ticket_variance(&self) -> f64 {
        let (n, d) = (self.n, self.d);
        let nd = n * d;
        let a = nd.mul_add(d + 2.0, 1.0);
        let b = (nd + 1.0) * (nd + 1.0);
        // mu² n (n−1) d² / (A B), ordered to avoid overflow and underflow.
        let cross = (self.mu * d) * (self.mu * d) * n / a * ((n - 1.0) / b);
        self.var_r / a + cross
    }

    /// Standard deviation of one ticket's present value.
    pub fn ticket_sd(&self) -> f64 {
        self.ticket_variance().sqrt()
    }

    /// Value of the `n` outstanding tickets.
    ///
    /// # Formula
    /// `n E[V] = n mu / (n d + 1)`
    pub fn issued_value(&self) -> f64 {
        self.n * self.ticket_value()
    }

    /// Value of the rewards not yet sold as tickets.
    ///
    /// # Formula
    /// `NPV − n E[V] = mu / (d (n d + 1))`
    pub fn unissued_value(&self) -> f64 {
        self.mu / self.d / self.n.mul_add(self.d, 1.0)
    }

    /// Expected wait until a ticket wins, in slots: `E[T] = n`.
    pub fn expected_wait_slots(&self) -> f64 {
        self.n
    }

    /// Value of a holding of share `p ∈ [0, 1]` of the tickets.
    ///
    /// # Formula
    /// `P n E[V]`, which rises towards `P mu / d` as `n` grows.
    pub fn share_value(&self, p: f64) -> Result<f64> {
        within("share", p, 0.0, 1.0)?;
        Ok(p * self.issued_value())
    }

    /// Discount factor `(1 + d)^(−m)` of a lookahead of `m` slots.
    pub fn lookahead_factor(&self, m: f64) -> f64 {
        (-m * self.d.ln_1p()).exp()
    }

    /// Expected value of a ticket assigned `m` slots before its slot.
    ///
    /// # Formula
    /// `mu / ((n d + 1)(1 + d)^m)`
    pub fn lookahead_value(&self, m: f64) -> Result<f64> {
        non_negative("lookahead", m)?;
        Ok(self.ticket_value() * self.lookahead_factor(m))
    }

    /// All closed forms at once, with an optional share and a lookahead of `m` slots.
    ///
    /// The lookahead discounts the ticket (its value by `(1+d)^(−m)`, its variance by
    /// `(1+d)^(−2m)`) and so the issued value and the share's value; the unissued value
    /// stays `NPV − issued`, computed without cancellation.
    ///
    /// ```
    /// use et_engine::lottery::Lottery;
    /// let s = Lottery::new(1.0, 0.0, 0.01, 100.0).unwrap().summary(Some(0.1), 0.0).unwrap();
    /// assert!((s.total_npv - 100.0).abs() < 1e-12 && (s.issued_value - 50.0).abs() < 1e-12);
    /// assert!((s.share_value.unwrap() - 5.0).abs() < 1e-12);
    /// ```
    pub fn summary(&self, share: Option<f64>, lookahead: f64) -> Result<TicketSummary> {
        non_negative("lookahead", lookahead)?;
        let factor = self.lookahead_factor(lookahead);
        let ticket_value = self.ticket_value() * factor;
        let issued_value = self.n * ticket_value;
        // NPV − n E[V] factor = mu/(d(nd+1)) + n E[V] (1 − factor).
        let lost = -(-lookahead * self.d.ln_1p()).exp_m1();
        let unissued_value = self.unissued_value() + self.issued_value() * lost;
        let share_value = share
            .map(|p| within("share", p, 0.0, 1.0).map(|p| p * issued_value))
            .transpose()?;
        Ok(TicketSummary {
            ticket_value,
            ticket_variance: self.ticket_variance() * factor * factor,
            total_npv: self.total_npv(),
            issued_value,
            unissued_value,
            expected_wait_slots: self.expected_wait_slots(),
            share_value,
        })
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn every_field_is_validated_by_name() {
        let cases = [
            (Lottery::new(-1.0, 0.0, 0.01, 10.0), "mu"),
            (Lottery::new(1.0, -0.5, 0.01, 10.0), "varR"),
            (Lottery::new(1.0, 0.0, 0.0, 10.0), "d"),
            (Lottery::new(1.0, 0.0, f64::NAN, 10.0), "d"),
            (Lottery::new(1.0, 0.0, 0.01, 0.5), "n"),
            (Lottery::new(1.0, 0.0, 0.01, f64::INFINITY), "n"),
        ];
        for (result, field) in cases {
            assert_eq!(result.unwrap_err().field(), field);
        }
    }

    #[test]
    fn one_ticket_wins_next_slot() {
        // n = 1: T = 1 surely, so V = R / (1 + d).
        let l = Lottery::new(2.0, 3.0, 0.25, 1.0).unwrap();
        assert_eq!(l.ticket_value(), 2.0 / 1.25);
        assert!((l.ticket_variance() - 3.0 / 1.5625).abs() < 1e-15);
    }
}
