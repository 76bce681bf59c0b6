//! A bar of the dashboard's chart, drawn on an iced `canvas`: a rounded rectangle as long
//! as its share of the row, in the theme's primary colour. The chart stays native (no web
//! view); the bar sits inside a button, so it is still reached with Tab and opens its table.

use iced::widget::canvas::{self, Canvas, Frame, Geometry, Path};
use iced::{Element, Fill, Point, Rectangle, Renderer, Size, Theme, mouse};

/// The bar's height, in logical pixels.
const HEIGHT: f32 = 18.0;
/// A count above zero shows at least this wide, so it is never mistaken for none.
const SLIVER: f32 = 3.0;

/// A bar filling `share` (0 to 1) of the width it is given.
pub fn bar<'a, Message: 'a>(share: f32) -> Element<'a, Message> {
    Canvas::new(Bar {
        share: share.clamp(0.0, 1.0),
    })
    .width(Fill)
    .height(HEIGHT)
    .into()
}

#[derive(Debug, Clone, Copy)]
struct Bar {
    share: f32,
}

impl<Message> canvas::Program<Message> for Bar {
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
        let mut frame = Frame::new(renderer, bounds.size());
        let width = (bounds.width * self.share).max(SLIVER);
        let shape =
            Path::rounded_rectangle(Point::ORIGIN, Size::new(width, bounds.height), 3.0.into());
        frame.fill(&shape, theme.extended_palette().primary.base.color);
        vec![frame.into_geometry()]
    }
}
