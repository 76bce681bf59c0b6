//! *Export…* on a desktop where no file dialog can open (issue 26): no XDG desktop portal
//! and no `zenity`, as on i3, Openbox and some XFCE installs. The window says so and offers
//! a typed path with the dialog's checks: a missing folder is said, a file already there is
//! replaced only when asked twice, and the export is written. A file of its own: the test
//! empties `PATH`, `XDG_DATA_DIRS` and the session bus of its whole process.

mod common;

use common::gui::{Driver, Isolated};
use common::sandbox;
use wedocod_api::ResourceName;
use wedocod_console::gui::Message;
use wedocod_console::gui::file_dialog;
use wedocod_console::gui::screen::store::{self, records};
use wedocod_console::i18n::{text, text_with};
use wedocod_sandbox::SandboxConfig;

fn typed(message: records::typed_path::Message) -> Message {
    Message::Store(store::Message::Records(
        ResourceName::Leads,
        records::Message::TypedPath(message),
    ))
}

#[tokio::test]
async fn with_no_file_dialog_the_export_takes_a_typed_path() {
    let nothing = tempfile::tempdir().unwrap();
    // SAFETY: the only test of this process, before it starts any thread of its own.
    unsafe {
        std::env::set_var("PATH", nothing.path());
        std::env::set_var("XDG_DATA_DIRS", nothing.path());
        std::env::remove_var("DBUS_SESSION_BUS_ADDRESS");
    }
    if cfg!(all(unix, not(target_os = "macos"))) {
        assert!(!file_dialog::available(), "no portal, no zenity");
    }

    let sandbox = sandbox(SandboxConfig::default()).await;
    let isolated = Isolated::new();
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    driver.click(&text("export-button")).await.unwrap();
    if !cfg!(all(unix, not(target_os = "macos"))) {
        return; // Windows and macOS always have their dialog.
    }
    assert!(
        driver.sees(&text("typed-path-title")),
        "the window says why"
    );

    let folder = tempfile::tempdir().unwrap();
    let nowhere = folder.path().join("missing").join("leads");
    driver
        .send(typed(records::typed_path::Message::Input(
            nowhere.display().to_string(),
        )))
        .await;
    driver.click(&text("typed-path-save")).await.unwrap();
    let missing = folder.path().join("missing");
    assert!(driver.sees(&text_with(
        "typed-path-no-folder",
        &[("folder", &missing.display())]
    )));

    // A file already there: said, and replaced only on a second press.
    let taken = folder.path().join("leads.xlsx");
    std::fs::write(&taken, b"the merchant's own file").unwrap();
    driver
        .send(typed(records::typed_path::Message::Input(
            folder.path().join("leads").display().to_string(),
        )))
        .await;
    driver.click(&text("typed-path-save")).await.unwrap();
    assert!(driver.sees(&text_with(
        "typed-path-exists",
        &[("path", &taken.display())]
    )));
    assert_eq!(std::fs::read(&taken).unwrap(), b"the merchant's own file");
    driver.click(&text("typed-path-replace")).await.unwrap();
    driver.click(&text("export-start")).await.unwrap();
    let written = std::fs::read(&taken).unwrap();
    assert!(written.starts_with(b"PK"), "an Excel workbook replaced it");
}
