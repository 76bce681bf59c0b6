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
