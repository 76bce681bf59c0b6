//! The console window (iced, Elm-style). Each screen lives in `screen/` with its own
//! state, messages, `update` returning an action, and `view`; `app`, the shell, maps them.
//! Widgets several screens show are in `widget/`. The window holds no business rule: it
//! calls `wedocod-core` and `wedocod-api` and shows what comes back.

pub mod app;
mod blocking;
pub mod client;
mod config_saver;
pub mod desktop;
pub mod direction;
pub mod file_dialog;
pub mod fonts;
mod icon;
pub mod record_rows;
pub mod screen;
pub mod shortcut;
pub mod theme;
mod uploading;
pub mod widget;

pub use app::{App, LaunchOptions, Message, VaultSource};

/// The reverse-DNS id of the installed application (packaging/linux/APP_ID.desktop).
pub const APP_ID: &str = "com.wedocod.Console";

/// Opens the window and runs until it is closed.
pub fn run(options: LaunchOptions) -> iced::Result {
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        os = std::env::consts::OS,
        "the window opens"
    );
    let saved = wedocod_core::config::Config::load_from(&options.config_file)
        .config
        .window;
    let (size, position) = app::window_settings_for(saved);
    let application = iced::application(move || App::boot(options.clone()), App::update, App::view);
    fonts::FILES
        .into_iter()
        .fold(application, |application, file| application.font(file))
        .default_font(fonts::SANS)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        .window(iced::window::Settings {
            size,
            position,
            min_size: Some(iced::Size::new(
                wedocod_core::config::MIN_WINDOW.0,
                wedocod_core::config::MIN_WINDOW.1,
            )),
            // Closing is asked about first while an upload runs (app/window.rs).
            exit_on_close_request: false,
            icon: icon::window_icon(),
            // Matches the installed desktop entry's name, so docks and task switchers show
            // its icon and name (Wayland app_id, X11 WM_CLASS).
            #[cfg(all(unix, not(target_os = "macos")))]
            platform_specific: iced::window::settings::PlatformSpecific {
                application_id: APP_ID.to_owned(),
                ..Default::default()
            },
            ..iced::window::Settings::default()
        })
        .run()
}
