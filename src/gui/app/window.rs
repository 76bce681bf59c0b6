//! The window itself: its size and place remembered for next time, and closing it while an
//! upload runs asked about first (the upload stops where it is and can be resumed; nothing
//! is sent twice, but the merchant should choose). Desk outcomes still waiting for their
//! bulk update are sent before the window closes; only those the store refuses or makes
//! wait are asked about.

use iced::{Element, Point, Size, Subscription, Task};

use wedocod_core::config::WindowGeometry;

use super::{App, Message, Screen};
use crate::gui::widget::dialog;
use crate::i18n::tr;

/// What the window reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WindowEvent {
    Resized(Size),
    Moved(Point),
    /// The window got or lost the keyboard.
    Focused(bool),
    CloseRequested,
    /// The size of the monitor the window opened on (none when the system does not say).
    Monitor(iced::window::Id, Option<Size>),
    /// The merchant's answer while an upload runs.
    CloseAnyway,
    KeepOpen,
}

/// Why closing the window waits for the merchant's word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Closing {
    /// An upload runs (it stops and can be resumed).
    Upload,
    /// Work the open store refused or asks to wait for: the desk's outcomes (their leads
    /// keep their status).
    Unsent(usize),
}

/// The window's reports, as messages.
pub(super) fn events() -> Subscription<Message> {
    iced::event::listen_with(|event, _status, _window| match event {
        iced::Event::Window(iced::window::Event::Resized(size)) => {
            Some(Message::Window(WindowEvent::Resized(size)))
        }
        iced::Event::Window(iced::window::Event::Moved(point)) => {
            Some(Message::Window(WindowEvent::Moved(point)))
        }
        iced::Event::Window(iced::window::Event::Focused) => {
            Some(Message::Window(WindowEvent::Focused(true)))
        }
        iced::Event::Window(iced::window::Event::Unfocused) => {
            Some(Message::Window(WindowEvent::Focused(false)))
        }
        iced::Event::Window(iced::window::Event::CloseRequested) => {
            Some(Message::Window(WindowEvent::CloseRequested))
        }
        _ => None,
    })
}

impl App {
    pub(super) fn on_window(&mut self, event: WindowEvent) -> Task<Message> {
        match event {
            WindowEvent::Resized(size) => {
                let geometry = self.geometry();
                self.config.window = Some(WindowGeometry {
                    width: size.width,
                    height: size.height,
                    ..geometry
                });
                Task::none()
            }
            WindowEvent::Moved(point) => {
                let geometry = self.geometry();
                self.config.window = Some(WindowGeometry {
                    x: Some(point.x),
                    y: Some(point.y),
                    ..geometry
                });
                Task::none()
            }
            WindowEvent::Focused(focused) => {
                self.focused = focused;
                Task::none()
            }
            WindowEvent::Monitor(id, Some(monitor)) => {
                let geometry = self.geometry();
                let opened = Size::new(geometry.width, geometry.height);
                match fit_within(opened, monitor) {
                    Some(fitted) => Task::batch([
                        iced::window::resize(id, fitted),
                        iced::window::move_to(id, top_centre(fitted, monitor)),
                    ]),
                    None => Task::none(),
                }
            }
            WindowEvent::Monitor(_, None) => Task::none(),
            WindowEvent::CloseRequested if self.import.uploading() => {
                self.closing = Some(Closing::Upload);
                Task::none()
            }
            WindowEvent::CloseRequested if self.unsent() > 0 => {
                if self.close_when_sent {
                    // Asked again while the store makes them wait: the merchant chooses.
                    self.close_when_sent = false;
                    self.closing = Some(Closing::Unsent(self.unsent()));
                    return Task::none();
                }
                self.close_when_sent = true;
                self.notify(tr!("desk-closing"));
                self.send_unsent()
            }
            WindowEvent::CloseRequested | WindowEvent::CloseAnyway => self.close_now(),
            WindowEvent::KeepOpen => {
                self.closing = None;
                Task::none()
            }
        }
    }

    /// Work of the open store it has not taken yet (the desk's outcomes).
    fn unsent(&self) -> usize {
        match &self.screen {
            Screen::Store(store) => store.unsent(),
            _ => 0,
        }
    }

    /// Sends that work now: the window closes once the store has it.
    fn send_unsent(&mut self) -> Task<Message> {
        match &mut self.screen {
            Screen::Store(store) => store.send_unsent().map(super::from_store),
            _ => Task::none(),
        }
    }

    /// The store's unsent work moved on (`task` goes on with it): a window waiting for it
    /// closes once the store has it all, and asks the merchant when the store refused
    /// some.
    pub(super) fn unsent_moved(
        &mut self,
        task: Task<Message>,
        refused: Option<usize>,
        left: usize,
    ) -> Task<Message> {
        if !self.close_when_sent {
            return task;
        }
        match refused {
            // The store did not take them: the merchant decides.
            Some(count) => {
                self.close_when_sent = false;
                self.closing = Some(Closing::Unsent(count));
                task
            }
            None if left == 0 => {
                self.close_when_sent = false;
                Task::batch([task, self.close_now()])
            }
            None => task,
        }
    }

    /// Saves the settings and closes. The size and place are saved once, on the way out,
    /// not on every pixel.
    pub(super) fn close_now(&mut self) -> Task<Message> {
        self.save_config().chain(iced::exit())
    }

    /// The window as last seen (the usual size before any report).
    fn geometry(&self) -> WindowGeometry {
        self.config.window.unwrap_or(WindowGeometry {
            width: DEFAULT_SIZE.width,
            height: DEFAULT_SIZE.height,
            x: None,
            y: None,
        })
    }
}

/// `screen` under the question asked before closing.
pub(super) fn ask_before_closing(
    closing: Closing,
    screen: Element<'_, Message>,
) -> Element<'_, Message> {
    let (title, body) = match closing {
        Closing::Upload => (
            tr!("close-while-uploading-title"),
            tr!("close-while-uploading-body"),
        ),
        Closing::Unsent(count) => (
            tr!("close-with-outcomes-title"),
            tr!("close-with-outcomes-body", count = count),
        ),
    };
    dialog::proceed(
        screen,
        title,
        body,
        Message::Window(WindowEvent::KeepOpen),
        (
            tr!("close-anyway"),
            Message::Window(WindowEvent::CloseAnyway),
        ),
    )
}

/// The window's size on first run, when the screen has room for it (else it is fitted).
pub const DEFAULT_SIZE: Size = Size::new(1280.0, 800.0);

/// What a monitor's panels and the window's title bar take from its height, and its sides
/// from its width, at most: the work area is the monitor less these (the systems do not say
/// where their task bars are).
const SCREEN_FURNITURE: Size = Size::new(16.0, 88.0);

/// Asks for the size of the monitor the window opened on, so that a first size (or a
/// remembered one from a larger screen) that does not fit is shrunk: on a 1366×768 laptop
/// the status bar must not fall below the screen.
pub(super) fn fit_to_monitor() -> Task<Message> {
    iced::window::latest().then(|id| match id {
        Some(id) => iced::window::monitor_size(id)
            .map(move |monitor| Message::Window(WindowEvent::Monitor(id, monitor))),
        None => Task::none(),
    })
}

/// The size `window` takes on a `monitor` whose work area is smaller than it; `None` when
/// it fits already.
fn fit_within(window: Size, monitor: Size) -> Option<Size> {
    let room = Size::new(
        (monitor.width - SCREEN_FURNITURE.width).max(1.0),
        (monitor.height - SCREEN_FURNITURE.height).max(1.0),
    );
    (window.width > room.width || window.height > room.height)
        .then(|| Size::new(window.width.min(room.width), window.height.min(room.height)))
}

/// Where a window of `size` stands so that it is whole on `monitor`: centred, at the top.
fn top_centre(size: Size, monitor: Size) -> Point {
    Point::new(((monitor.width - size.width) / 2.0).max(0.0), 0.0)
}

/// The window settings for `saved` (the last size and place, when there is one).
pub fn settings_for(saved: Option<WindowGeometry>) -> (Size, iced::window::Position) {
    match saved {
        Some(geometry) => {
            let size = Size::new(geometry.width, geometry.height);
            let position = match (geometry.x, geometry.y) {
                (Some(x), Some(y)) => iced::window::Position::Specific(Point::new(x, y)),
                _ => iced::window::Position::default(),
            };
            (size, position)
        }
        None => (DEFAULT_SIZE, iced::window::Position::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_window_fits_a_laptop_screen_and_a_large_one_is_left_alone() {
        let laptop = fit_within(DEFAULT_SIZE, Size::new(1366.0, 768.0)).unwrap();
        assert_eq!(laptop, Size::new(1280.0, 680.0));
        let small = fit_within(DEFAULT_SIZE, Size::new(1280.0, 720.0)).unwrap();
        assert_eq!(small, Size::new(1264.0, 632.0));
        assert_eq!(fit_within(DEFAULT_SIZE, Size::new(1920.0, 1080.0)), None);
        // A size remembered from a larger screen, on a smaller one.
        let remembered = fit_within(Size::new(1800.0, 1000.0), Size::new(1366.0, 768.0));
        assert_eq!(remembered, Some(Size::new(1350.0, 680.0)));
        assert_eq!(
            top_centre(laptop, Size::new(1366.0, 768.0)),
            Point::new(43.0, 0.0)
        );
    }
}
