//! A bar of the dashboard's charts: a rounded rectangle as long as its share of the row,
//! in the theme's primary colour. Drawn as the renderer's own quads (a filled container and
//! the space beside it) rather than on a `canvas`: under tiny-skia, canvas geometry inside
//! a scrolled page left stray lines behind (issue 26), quads are redrawn exactly. The bar
//! sits inside a button, so it is still reached with Tab and opens its table.

use crate::gui::direction::reading_row;
use iced::widget::{container, space};
use iced::{Element, Fill, FillPortion, Length, Theme};

/// The bar's height, in logical pixels.
const HEIGHT: f32 = 18.0;
/// Shares are drawn in this many parts of the row's width.
pub const PARTS: f32 = 1000.0;
/// A count above zero shows at least this much of the row, so it is never mistaken for none.
const SLIVER: u16 = 4;

/// A bar filling `share` (0 to 1) of the width it is given.
pub fn bar<'a, Message: 'a>(share: f32) -> Element<'a, Message> {
    let filled = parts(share);
    if filled == 0 {
        return space().width(Fill).height(HEIGHT).into();
    }
    let rest = PARTS as u16 - filled;
    reading_row![
        container(space())
            .width(FillPortion(filled))
            .height(HEIGHT)
            .style(|theme: &Theme| filled_style(theme.extended_palette().primary.base.color, 3.0)),
        space()
            .width(FillPortion(rest.max(1)))
            .height(Length::Fixed(HEIGHT)),
    ]
    .width(Fill)
    .into()
}

/// `share` (0 to 1) in parts of [`PARTS`], at least a sliver when above zero.
pub fn parts(share: f32) -> u16 {
    if share <= 0.0 {
        return 0;
    }
    ((share.clamp(0.0, 1.0) * PARTS).round() as u16).clamp(SLIVER, PARTS as u16)
}

/// A filled rectangle of `colour` with rounded corners.
pub fn filled_style(colour: iced::Color, radius: f32) -> container::Style {
    container::Style {
        background: Some(colour.into()),
        border: iced::Border {
            radius: radius.into(),
            ..iced::Border::default()
        },
        ..container::Style::default()
    }
}
