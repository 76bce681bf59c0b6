//! Saved stores: the profile goes to the config file without the token, the token to
//! the vault; the next launch opens the store directly; rename and delete carry the
//! token along or remove it.

mod common;

use common::gui::{Driver, Isolated};
use common::sandbox;
use wedocod_console::gui::Message;
use wedocod_console::gui::screen::{profiles, settings};
use wedocod_console::i18n::{text, text_with};
use wedocod_core::config::Config;
use wedocod_sandbox::SandboxConfig;

#[tokio::test]
async fn connecting_saves_the_store_but_never_the_token() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let isolated = Isolated::new();
    Driver::connect(&isolated, &sandbox, sandbox.token()).await;

    let config = std::fs::read_to_string(isolated.config_file()).unwrap();
    assert!(config.contains("Boutique Rabat"));
    assert!(
        !config.contains(sandbox.token()),
        "the token never reaches the config file"
    );
    let saved = Config::load_from(&isolated.config_file()).config;
    let profile = saved.active().expect("the new store is the active one");
    let hint: String = sandbox
        .token()
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert_eq!(profile.token_hint.as_deref(), Some(hint.as_str()));
    let token = isolated
        .vault
        .load("Boutique Rabat")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        secrecy::ExposeSecret::expose_secret(&token),
        sandbox.token()
    );

    // The next launch opens the saved store directly, with the token from the vault.
    let mut again = Driver::boot(isolated.launch()).await;
    assert_eq!(again.app.title(), "WedoCOD Console — Boutique Rabat");
    again.click(&text("leads")).await.unwrap();
    assert!(again.sees("LD-100320"));
}

#[tokio::test]
async fn a_store_whose_token_is_gone_asks_for_it_again() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let isolated = Isolated::new();
    Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    isolated.vault.delete("Boutique Rabat").await.unwrap();

    let mut driver = Driver::boot(isolated.launch()).await;
    assert!(driver.sees(&text_with("token-missing", &[("name", &"Boutique Rabat")])));
    assert!(driver.sees(&text("connect-title")));
    driver
        .type_into(
            wedocod_console::gui::screen::connect::TOKEN_ID,
            sandbox.token(),
        )
        .await
        .unwrap();
    driver.click(&text("connect")).await.unwrap();
    driver.click(&text("leads")).await.unwrap();
    assert!(driver.sees("LD-100320"));
    let config = Config::load_from(&isolated.config_file()).config;
    assert_eq!(config.profiles.len(), 1, "the same store, not a second one");
}

#[tokio::test]
async fn stores_are_renamed_and_deleted_with_their_tokens_and_local_copies() {
    let sandbox = sandbox(SandboxConfig {
        rate_limit: 1_000_000,
        ..SandboxConfig::default()
    })
    .await;
    let isolated = Isolated {
        sync_copy: true,
        ..Isolated::new()
    };
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    let store_id = Config::load_from(&isolated.config_file()).config.profiles[0]
        .store_id
        .clone()
        .unwrap();
    let copy = isolated
        .dir
        .path()
        .join("data/stores")
        .join(&store_id)
        .join("copy.sqlite");
    assert!(copy.exists(), "the store's local copy was made");
    driver.click(&text("stores")).await.unwrap();
    assert!(driver.sees(&text("profiles-title")));
    assert!(driver.sees("Boutique Rabat"));

    driver.click(&text("rename")).await.unwrap();
    driver
        .send(Message::Profiles(profiles::Message::RenameInput(
            "Boutique Casa".into(),
        )))
        .await;
    driver.click(&text("save")).await.unwrap();
    assert!(driver.sees("Boutique Casa"));
    let config = Config::load_from(&isolated.config_file()).config;
    assert_eq!(config.profiles[0].name, "Boutique Casa");
    assert!(
        isolated
            .vault
            .load("Boutique Casa")
            .await
            .unwrap()
            .is_some(),
        "the token moved"
    );
    assert!(
        isolated
            .vault
            .load("Boutique Rabat")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(driver.app.title(), "WedoCOD Console — Boutique Casa");

    driver.click(&text("delete")).await.unwrap();
    assert!(driver.sees(&text_with(
        "delete-profile-title",
        &[("name", &"Boutique Casa")]
    )));
    driver.click(&text("confirm-delete")).await.unwrap();
    assert!(driver.sees(&text("no-profiles")));
    assert!(
        Config::load_from(&isolated.config_file())
            .config
            .profiles
            .is_empty()
    );
    assert!(
        isolated
            .vault
            .load("Boutique Casa")
            .await
            .unwrap()
            .is_none(),
        "the token is gone"
    );
    assert!(
        !copy.exists(),
        "the local copy, its customers' data, is gone"
    );
}

#[tokio::test]
async fn a_second_store_cannot_take_a_used_name() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let isolated = Isolated::new();
    Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    let mut driver = Driver::boot(isolated.launch()).await;
    driver.click(&text("stores")).await.unwrap();
    driver.click(&text("add-store")).await.unwrap();
    driver
        .type_into(
            wedocod_console::gui::screen::connect::NAME_ID,
            "boutique rabat",
        )
        .await
        .unwrap();
    driver
        .type_into(wedocod_console::gui::screen::connect::TOKEN_ID, "x")
        .await
        .unwrap();
    driver.click(&text("connect")).await.unwrap();
    assert!(driver.sees(&text_with("name-taken", &[("name", &"boutique rabat")])));
}

#[tokio::test]
async fn the_window_remembers_its_size_and_place_and_the_language_chosen() {
    use wedocod_console::gui::app::WindowEvent;
    use wedocod_console::i18n::Language;

    let isolated = Isolated::new();
    let mut driver = Driver::boot(isolated.launch()).await;
    driver
        .send(Message::Window(WindowEvent::Resized(iced::Size::new(
            1400.0, 900.0,
        ))))
        .await;
    driver
        .send(Message::Window(WindowEvent::Moved(iced::Point::new(
            40.0, 30.0,
        ))))
        .await;
    driver.send(Message::ShowSettings).await;
    driver
        .send(Message::Settings(settings::Message::Language(
            Language::English,
        )))
        .await;
    // Nothing is uploading: the window closes at once, saving where it was.
    driver
        .send(Message::Window(WindowEvent::CloseRequested))
        .await;
    let saved = Config::load_from(&isolated.config_file()).config;
    let window = saved
        .window
        .expect("the window's geometry is saved on close");
    assert_eq!((window.width, window.height), (1400.0, 900.0));
    assert_eq!((window.x, window.y), (Some(40.0), Some(30.0)));
    assert_eq!(saved.language.as_deref(), Some("en"));
    let (size, _) = wedocod_console::gui::app::window_settings_for(saved.window);
    assert_eq!(size, iced::Size::new(1400.0, 900.0));
}

#[tokio::test]
async fn settings_copy_a_diagnostics_bundle_for_support() {
    let isolated = Isolated::new();
    let options = isolated.launch();
    std::fs::create_dir_all(&options.data_dir).unwrap();
    std::fs::write(
        wedocod_core::log_file::path_in(&options.data_dir),
        "2026-11-29T03:00:00Z WARN upload u-7 paused: the network is down\n",
    )
    .unwrap();
    let mut driver = Driver::boot(options).await;
    driver.send(Message::ShowSettings).await;
    assert!(driver.sees(&text("diagnostics-hint")));
    driver
        .send(Message::Settings(settings::Message::CopyDiagnostics))
        .await;
    assert!(driver.sees(&text("diagnostics-copied")));
    let bundle = driver.clipboard.expect("the bundle is on the clipboard");
    assert!(bundle.contains(env!("CARGO_PKG_VERSION")), "{bundle}");
    assert!(
        bundle.contains("upload u-7 paused: the network is down"),
        "{bundle}"
    );
}
