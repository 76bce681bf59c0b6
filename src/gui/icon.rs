//! The window icon, drawn in code so the binary needs no image decoder: a rounded
//! square in the brand blue with a white parcel (the same design as
//! `assets/icon.svg`, which the installers use).

use iced::window::icon::{self, Icon};

const SIZE: u32 = 64;

/// Is (x, y) inside a square of side `size` at `origin` with corners of radius `r`?
fn in_rounded_square(x: f32, y: f32, origin: f32, size: f32, r: f32) -> bool {
    let (min, max) = (origin + r, origin + size - r);
    let dx = if x < min {
        min - x
    } else if x > max {
        x - max
    } else {
        0.0
    };
    let dy = if y < min {
        min - y
    } else if y > max {
        y - max
    } else {
        0.0
    };
    x >= origin
        && y >= origin
        && x <= origin + size
        && y <= origin + size
        && dx * dx + dy * dy <= r * r
}

/// The RGBA pixels of the icon.
pub fn pixels() -> Vec<u8> {
    let mut rgba = Vec::with_capacity((SIZE * SIZE * 4) as usize);
    for y in 0..SIZE {
        for x in 0..SIZE {
            let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
            let background = in_rounded_square(fx, fy, 2.0, 60.0, 14.0);
            // The parcel: a white box with a blue tape line down its middle.
            let parcel = (16.0..=48.0).contains(&fx) && (20.0..=46.0).contains(&fy);
            let lid = (14.0..=50.0).contains(&fx) && (16.0..=22.0).contains(&fy);
            let tape = (29.0..=35.0).contains(&fx) && (16.0..=46.0).contains(&fy);
            let pixel = if !background {
                [0, 0, 0, 0]
            } else if (parcel || lid) && !tape {
                [255, 255, 255, 255]
            } else {
                [31, 111, 235, 255]
            };
            rgba.extend_from_slice(&pixel);
        }
    }
    rgba
}

/// The window icon.
pub fn window_icon() -> Option<Icon> {
    icon::from_rgba(pixels(), SIZE, SIZE).ok()
}
