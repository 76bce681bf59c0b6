//! The window itself: its size and place remembered for next time, and closing it while an
//! upload runs asked about first (the upload stops where it is and can be resumed; nothing
//! is sent twice, but the merchant should choose). Desk outcomes still waiting for their
//! bulk update are sent before the window closes; only those the store refuses or makes
//! wait are asked about.

use iced::{Point, Size, Subscription, Task};

use wedocod_core::config::WindowGeometry;

use super::{App, Closing, Message};
use crate::i18n::tr;

/// What the window reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WindowEvent {
    Resized(Size),
    Moved(Point),
    /// The window got or lost the keyboard.
    Focused(bool),
    CloseRequested,
    /// The merchant's answer while an upload runs.
    CloseAnyway,
    KeepOpen,
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
            WindowEvent::CloseRequested if self.import.uploading() => {
                self.closing = Some(Closing::Upload);
                Task::none()
            }
            WindowEvent::CloseRequested if self.desk_outcomes_in_flight() > 0 => {
                if self.close_when_sent {
                    // Asked again while the store makes them wait: the merchant chooses.
                    self.close_when_sent = false;
                    self.closing = Some(Closing::DeskOutcomes(self.desk_outcomes_in_flight()));
                    return Task::none();
                }
                self.close_when_sent = true;
                self.notify(tr!("desk-closing"));
                self.send_desk_outcomes_now()
            }
            WindowEvent::CloseRequested | WindowEvent::CloseAnyway => self.close_now(),
            WindowEvent::KeepOpen => {
                self.closing = None;
                Task::none()
            }
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

/// The window's size on first run.
pub const DEFAULT_SIZE: Size = Size::new(1280.0, 800.0);

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
