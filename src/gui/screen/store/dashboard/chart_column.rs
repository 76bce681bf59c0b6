//! A column of the dashboard's daily and weekly charts, drawn on an iced `canvas`: its
//! height is its share of the chart's largest, and the part that matters (leads confirmed,
//! orders returned) is drawn over it in its own colour. Like the bars, each column sits in
//! a button: reached with Tab, it opens the table on what it shows.

use iced::widget::canvas::{self, Canvas, Frame, Geometry, Path};
use iced::{Color, Element, Fill, Point, Rectangle, Renderer, Size, Theme, mouse};

/// The chart's height, in logical pixels.
pub const HEIGHT: f32 = 120.0;
/// A count above zero shows at least this tall.
const SLIVER: f32 = 2.0;

/// What the highlighted part of a column means, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A good outcome (confirmed, delivered).
    Good,
    /// A bad one (returned).
    Bad,
}

/// A column `share` (0 to 1) of the chart's height, `part` of it (0 to 1 of the
/// column) highlighted.
pub fn column<'a, Message: 'a>(share: f32, part: f32, meaning: Part) -> Element<'a, Message> {
    Canvas::new(Column {
        share: share.clamp(0.0, 1.0),
        part: part.clamp(0.0, 1.0),
        meaning,
    })
    .width(Fill)
    .height(HEIGHT)
    .into()
}

#[derive(Debug, Clone, Copy)]
struct Column {
    share: f32,
    part: f32,
    meaning: Part,
}

impl<Message> canvas::Program<Message> for Column {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        if self.share <= 0.0 {
            return Vec::new();
        }
        let palette = theme.extended_palette();
        let mut frame = Frame::new(renderer, bounds.size());
        let height = (bounds.height * self.share).max(SLIVER);
        let top = bounds.height - height;
        let whole = Path::rectangle(Point::new(0.0, top), Size::new(bounds.width, height));
        frame.fill(&whole, faded(palette.primary.base.color));
        let part = height * self.part;
        if part > 0.0 {
            let colour = match self.meaning {
                Part::Good => palette.success.base.color,
                Part::Bad => palette.danger.base.color,
            };
            let shape = Path::rectangle(
                Point::new(0.0, bounds.height - part),
                Size::new(bounds.width, part),
            );
            frame.fill(&shape, colour);
        }
        vec![frame.into_geometry()]
    }
}

/// The column's rest, lighter than the part drawn over it.
fn faded(colour: Color) -> Color {
    Color { a: 0.45, ..colour }
}
