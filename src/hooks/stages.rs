//! Work in stages after a page's data arrives: the first view draws at once, the heavier
//! parts follow a frame or two later instead of holding the first chart back.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// Milliseconds between stages (time for the browser to paint the one before).
const GAP_MS: u32 = 30;

/// The stage reached since `ready` became true: 0 at once, then one more every
/// [`GAP_MS`] up to `last`; back to 0 while `ready` is false.
#[hook]
pub fn use_stages(ready: bool, last: u8) -> u8 {
    let stage = use_state_eq(|| 0u8);
    {
        let stage = stage.clone();
        use_effect_with((ready, *stage), move |&(ready, now)| {
            let timer = match ready {
                false => {
                    stage.set(0);
                    None
                }
                true if now < last => Some(Timeout::new(GAP_MS, move || stage.set(now + 1))),
                true => None,
            };
            move || drop(timer)
        });
    }
    if ready {
        *stage
    } else {
        0
    }
}
