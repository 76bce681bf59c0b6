//! The window icon, drawn in code so the binary needs no image decoder: a rounded
//! square in the brand blue with a taped white parcel (the same design as
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
            // The parcel: a white box, its lid line and tape in blue, a pale label.
            let parcel = (14.0..=50.0).contains(&fx) && (18.0..=48.0).contains(&fy);
            let lid_line = (25.0..=27.0).contains(&fy);
            let tape = (30.0..=34.0).contains(&fx) && fy <= 27.0;
            let label = (36.0..=46.0).contains(&fx) && (38.0..=44.0).contains(&fy);
            let pixel = match (background, parcel) {
                (false, _) => [0, 0, 0, 0],
                (true, true) if label => [158, 194, 250, 255],
                (true, true) if !lid_line && !tape => [255, 255, 255, 255],
                _ => [31, 111, 235, 255],
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_is_a_valid_square_image() {
        let pixels = pixels();
        assert_eq!(pixels.len(), (SIZE * SIZE * 4) as usize);
        // Transparent corner, brand-blue border, white parcel in the middle.
        assert_eq!(&pixels[..4], &[0, 0, 0, 0]);
        let at = |x: u32, y: u32| &pixels[((y * SIZE + x) * 4) as usize..][..4];
        assert_eq!(at(6, 32), &[31, 111, 235, 255]);
        assert_eq!(at(20, 35), &[255, 255, 255, 255]);
        assert!(window_icon().is_some());
    }
}
