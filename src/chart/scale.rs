//! The value scale: from figure values to bar lengths, and round tick values.

/// A linear scale from a value of 0 at 0 pixels, `px_per_unit` pixels per unit of value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    /// Pixels per unit of value.
    pub px_per_unit: f64,
}

impl Linear {
    /// The length in pixels of a value.
    pub fn px(self, v: f64) -> f64 {
        v * self.px_per_unit
    }
    /// The value at a length in pixels.
    pub fn value_at(self, px: f64) -> f64 {
        if self.px_per_unit > 0.0 {
            px / self.px_per_unit
        } else {
            0.0
        }
    }
}

/// A round step (1, 2 or 5 × a power of ten) that cuts 0..`max` into at most `max_ticks` intervals.
pub fn nice_step(max: f64, max_ticks: usize) -> f64 {
    if max.is_nan() || max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let raw = max / max_ticks.max(1) as f64;
    // The power of ten at or below `raw`, by steps (no libm in the widget for one logarithm).
    let mut p = 1.0;
    while p * 10.0 <= raw {
        p *= 10.0;
    }
    while p > raw {
        p /= 10.0;
    }
    let m = raw / p;
    let f = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    f * p
}

/// Tick values 0, step, 2·step … not beyond `max`.
pub fn ticks(max: f64, step: f64) -> Vec<f64> {
    let n = (max / step + 1e-9).floor() as usize;
    (0..=n.min(1000)).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_steps() {
        assert_eq!(nice_step(33207.0, 5), 10000.0);
        assert_eq!(nice_step(253.0, 5), 100.0);
        assert_eq!(nice_step(60.0, 6), 10.0);
        assert_eq!(nice_step(0.0, 5), 1.0);
        assert_eq!(ticks(33207.0, 10000.0), [0.0, 10000.0, 20000.0, 30000.0]);
    }
}
