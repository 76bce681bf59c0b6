//! A column of the dashboard's daily and weekly charts: its height is its share of the
//! chart's largest, and the part that matters (leads confirmed, orders returned) is drawn at
//! its foot in its own colour. Quads, like the bars (see `chart_bar` for why not a canvas).
//! Each column sits in a button: reached with Tab, it opens the table on what it shows.

use iced::widget::{Column, container, space};
use iced::{Color, Element, Fill, FillPortion, Theme};

use super::chart_bar::{PARTS, filled_style, parts};

/// The chart's height, in logical pixels.
pub const HEIGHT: f32 = 120.0;

/// What the highlighted part of a column means, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A good outcome (confirmed, delivered).
    Good,
    /// A bad one (returned).
    Bad,
}

/// A column `share` (0 to 1) of the chart's height, `part` of it (0 to 1 of the column)
/// highlighted.
pub fn column<'a, Message: 'a>(share: f32, part: f32, meaning: Part) -> Element<'a, Message> {
    let whole = parts(share);
    if whole == 0 {
        return space().width(Fill).height(HEIGHT).into();
    }
    let highlighted = (f32::from(whole) * part.clamp(0.0, 1.0)).round() as u16;
    let rest = whole - highlighted;
    let mut drawn = Column::new().push(space().height(FillPortion((PARTS as u16 - whole).max(1))));
    if rest > 0 {
        drawn = drawn.push(
            container(space())
                .width(Fill)
                .height(FillPortion(rest))
                .style(|theme: &Theme| {
                    filled_style(faded(theme.extended_palette().primary.base.color), 0.0)
                }),
        );
    }
    if highlighted > 0 {
        drawn = drawn.push(
            container(space())
                .width(Fill)
                .height(FillPortion(highlighted))
                .style(move |theme: &Theme| {
                    let palette = theme.extended_palette();
                    let colour = match meaning {
                        Part::Good => palette.success.base.color,
                        Part::Bad => palette.danger.base.color,
                    };
                    filled_style(colour, 0.0)
                }),
        );
    }
    drawn.width(Fill).height(HEIGHT).into()
}

/// The column's rest, lighter than the part drawn over it.
fn faded(colour: Color) -> Color {
    Color { a: 0.45, ..colour }
}
