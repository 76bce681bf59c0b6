//! The import screen, simulated: open a messy French Excel export offline, fix a cell,
//! filter errors; then upload to a real sandbox, see a 422 land on its cell, fix it and
//! send only that row; and follow an async batch to its end.

mod common;

use common::gui::{Driver, Isolated};
use common::sandbox;
use wedocod_api::{ApiError, ResourceName, TransportKind};
use wedocod_console::gui::Message;
use wedocod_console::gui::app::WindowEvent;
use wedocod_console::gui::desktop::DesktopNotice;
use wedocod_console::gui::screen::import;
use wedocod_console::gui::screen::store::{self, Tab};
use wedocod_console::i18n::{text, text_with};
use wedocod_import::WorkbookContent;
use wedocod_sandbox::SandboxConfig;

const FRENCH_EXPORT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/crates/import/tests/data/leads_fr_excel_1252.csv"
);

fn summary(rows: usize, errors: usize, warnings: usize) -> String {
    text_with(
        "rows-summary",
        &[
            ("rows", &rows),
            ("errors", &errors),
            ("warnings", &warnings),
        ],
    )
}

async fn open(driver: &mut Driver, path: &str) {
    driver.type_into(import::PATH_ID, path).await.unwrap();
    driver.click(&text("open-file")).await.unwrap();
}

fn import_message(message: import::Message) -> Message {
    Message::Import(message)
}

#[tokio::test]
async fn a_french_export_is_checked_and_fixed_offline() {
    let isolated = Isolated::new();
    let mut driver = Driver::boot(isolated.launch()).await;
    driver.click(&text("check-file-offline")).await.unwrap();
    open(&mut driver, FRENCH_EXPORT).await;
    assert!(
        driver.sees(&summary(9, 4, 2)),
        "9 rows, 4 errors, 2 warnings"
    );
    assert!(
        driver.sees("Amélie Benali"),
        "Windows-1252 accents read right"
    );

    driver.click("06.64.56.78.9O").await.unwrap();
    assert!(driver.sees(&text_with(
        "cell-at",
        &[("line", &6), ("column", &"Téléphone")]
    )));
    assert!(driver.sees("The phone \"06.64.56.78.9O\" contains letters."));
    driver
        .send(import_message(import::Message::Edit(
            import::Edit::EditorInput("06.64.56.78.90".into()),
        )))
        .await;
    driver.click(&text("apply")).await.unwrap();
    assert!(
        driver.sees(&summary(9, 3, 2)),
        "the row was re-checked at once"
    );

    driver.click(&text("errors-only")).await.unwrap();
    assert!(
        !driver.sees("Amélie Benali"),
        "rows without errors are hidden"
    );
    assert!(driver.sees("deux"), "the bad quantity row stays");

    driver.click(&text("undo")).await.unwrap();
    assert!(driver.sees(&summary(9, 4, 2)));
    assert!(
        driver.sees(&text("upload-needs-store")),
        "uploading needs a store"
    );
}

#[tokio::test]
async fn saved_files_are_written_by_a_task_and_never_over_a_kept_file() {
    let isolated = Isolated::new();
    let source = isolated.dir.path().join("leads.csv");
    std::fs::copy(FRENCH_EXPORT, &source).unwrap();
    let kept = isolated.dir.path().join("leads-corrected.csv");
    std::fs::write(&kept, "the merchant's own corrections").unwrap();
    let mut driver = Driver::boot(isolated.launch()).await;
    driver.click(&text("check-file-offline")).await.unwrap();
    open(&mut driver, source.to_str().unwrap()).await;

    let saved = isolated.dir.path().join("leads-corrected-2.csv");
    let task = driver.app.update(import_message(import::Message::Save {
        content: WorkbookContent::Corrected,
        workbook: false,
    }));
    assert!(!saved.exists(), "nothing is written on the window's thread");
    driver.run(task).await;
    assert!(
        std::fs::read_to_string(&saved)
            .unwrap()
            .starts_with("\u{feff}")
    );
    assert_eq!(
        std::fs::read_to_string(&kept).unwrap(),
        "the merchant's own corrections"
    );
    assert!(driver.sees(&text_with("saved-to", &[("path", &saved.display())])));

    driver.click(&text("save-report")).await.unwrap();
    driver.click(&text("save-report")).await.unwrap();
    for report in ["leads-errors.csv", "leads-errors-2.csv"] {
        let text = std::fs::read_to_string(isolated.dir.path().join(report)).unwrap();
        assert!(text.contains("line;column;field"), "{report}: {text}");
    }

    driver.click(&text("save-report-xlsx")).await.unwrap();
    let workbook = isolated.dir.path().join("leads-errors.xlsx");
    let opened = calamine::open_workbook_auto(&workbook).unwrap();
    assert_eq!(
        calamine::Reader::sheet_names(&opened),
        ["Problems", "Rows"],
        "a workbook beside the CSV reports"
    );
}

/// A small file whose third row names a SKU the store does not sell.
fn file_with_unknown_sku(dir: &std::path::Path, rows: usize) -> String {
    let mut csv = String::from("Nom complet;Téléphone;Ville;Adresse;SKU;Quantité;Prix\n");
    for n in 0..rows {
        let sku = if n == 2 { "ZZZ-404" } else { "ARG-100" };
        csv.push_str(&format!(
            "Cliente {n};06{:08};Rabat;{n} Rue Patrice Lumumba;{sku};1;149,00\n",
            50_000_000 + n
        ));
    }
    let path = dir.join("ventes.csv");
    std::fs::write(&path, csv).unwrap();
    path.display().to_string()
}

#[tokio::test]
async fn a_422_lands_on_its_cell_and_the_fixed_row_is_sent_alone() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let isolated = Isolated::new();
    let path = file_with_unknown_sku(isolated.dir.path(), 5);
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    driver
        .send(Message::Store(store::Message::Tab(Tab::Import)))
        .await;
    open(&mut driver, &path).await;
    assert!(
        driver.sees(&summary(5, 1, 0)),
        "the store's catalogue flags the unknown SKU offline"
    );
    // Without the catalogue (say the products page failed), only the store can tell.
    let unreachable = ApiError::Transport {
        kind: TransportKind::Connect,
        maybe_sent: false,
        message: "down".into(),
    };
    driver
        .send(Message::Import(import::Message::Catalogue(Err(
            unreachable,
        ))))
        .await;
    assert!(driver.sees(&summary(5, 0, 0)));

    driver.click(&text("start-upload")).await.unwrap();
    assert!(driver.sees(&text_with(
        "upload-done",
        &[
            ("created", &4),
            ("refused", &1),
            ("skipped", &0),
            ("pending", &0)
        ]
    )));
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 4);

    driver.click("ZZZ-404").await.unwrap();
    assert!(driver.sees(&text_with(
        "server-said",
        &[("message", &"The selected data.2.products.0.sku is invalid.")]
    )));
    driver
        .send(import_message(import::Message::Edit(
            import::Edit::EditorInput("ARG-100".into()),
        )))
        .await;
    driver.click(&text("apply")).await.unwrap();
    driver.click(&text("retry-refused")).await.unwrap();
    assert!(driver.sees(&text_with(
        "upload-done",
        &[
            ("created", &5),
            ("refused", &0),
            ("skipped", &0),
            ("pending", &0)
        ]
    )));
    assert_eq!(
        sandbox.record_count(ResourceName::Leads),
        before + 5,
        "each row exactly once"
    );
}

#[tokio::test]
async fn a_queued_batch_is_followed_to_its_end() {
    let sandbox = sandbox(SandboxConfig {
        batch_row_delay: std::time::Duration::from_millis(2),
        ..SandboxConfig::default()
    })
    .await;
    let before = sandbox.record_count(ResourceName::Leads);
    let isolated = Isolated::new();
    let mut csv = String::from("full_name,phone,city,address,sku,quantity,total\n");
    for n in 0..30 {
        csv.push_str(&format!(
            "Client {n},06{:08},Oujda,{n} Boulevard Allal Al Fassi,ARG-100,1,149\n",
            60_000_000 + n
        ));
    }
    let path = isolated.dir.path().join("batch.csv");
    std::fs::write(&path, csv).unwrap();
    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    driver
        .send(Message::Store(store::Message::Tab(Tab::Import)))
        .await;
    open(&mut driver, path.to_str().unwrap()).await;
    // The merchant switches to another window while the batch is processed.
    let away = |focused| Message::Window(WindowEvent::Focused(focused));
    driver.send(away(false)).await;
    driver.click(&text("start-upload")).await.unwrap();
    let done = text_with(
        "upload-done",
        &[
            ("created", &30),
            ("refused", &0),
            ("skipped", &0),
            ("pending", &0),
        ],
    );
    assert!(driver.sees(&done));
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 30);
    let told = DesktopNotice {
        title: text("upload-ended-title"),
        body: done,
    };
    assert_eq!(
        isolated.desktop.lock().unwrap().notices,
        std::slice::from_ref(&told)
    );
    // Back at the window: what ends in sight needs no notification.
    driver.send(away(true)).await;
    assert!(
        !driver.sees(&text("start-upload")) && driver.sees(&text("upload-again-hint")),
        "an uploaded file is not offered for sending again"
    );

    // Opened anew, the same rows are refused until the merchant says what to do with them.
    driver.click(&text("open-file")).await.unwrap();
    driver.click(&text("start-upload")).await.unwrap();
    assert!(driver.sees(&text("skip-sent")) && driver.sees(&text("send-again")));
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 30);
    driver.click(&text("skip-sent")).await.unwrap();
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 30);
    driver.click(&text("open-file")).await.unwrap();
    driver.click(&text("start-upload")).await.unwrap();
    driver.click(&text("send-again")).await.unwrap();
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 60);
    assert!(
        sandbox
            .request_log()
            .iter()
            .any(|r| r.path.starts_with("/batches/")),
        "the batch was followed"
    );
    assert_eq!(isolated.desktop.lock().unwrap().notices, [told]);
}

#[tokio::test]
async fn the_uploads_tab_lists_exports_and_resumes() {
    use wedocod_api::{Dialect, Leads, RetryPolicy};
    use wedocod_console::gui::screen::store::uploads;
    use wedocod_core::upload::{Control, Engine, UploadSettings};
    use wedocod_import::Sheet;
    use wedocod_import::ValidateSettings;

    let sandbox = sandbox(SandboxConfig::default()).await;
    let before = sandbox.record_count(ResourceName::Leads);
    let isolated = Isolated::new();
    let path = file_with_unknown_sku(isolated.dir.path(), 4);
    // An upload that stopped before sending anything, as after a crash.
    let sheet = Sheet::load(
        std::fs::read(&path).unwrap(),
        &ValidateSettings::new(ResourceName::Leads),
    )
    .unwrap();
    let client = common::client_with(
        &sandbox,
        Dialect::V2,
        sandbox.token(),
        RetryPolicy::default(),
    );
    // The store the window will find for this token: the same one.
    let home = wedocod_core::stores::create(
        &isolated.dir.path().join("data"),
        client.profile(),
        &secrecy::SecretString::from(sandbox.token().to_string()),
    )
    .unwrap();
    let settings = UploadSettings::new(home.clone());
    let mut engine = Engine::<Leads>::start(
        client,
        &path,
        sheet.leads(),
        sheet.mapping.clone(),
        settings,
    )
    .unwrap();
    let control = Control::new();
    control.cancel();
    assert!(engine.run(&control, &mut |_| {}).await.is_err());
    // The crashed console's lock goes with it.
    drop(engine);

    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    assert!(driver.sees(&text_with("uploads-interrupted", &[("count", &1)])));
    driver.click(&text("uploads-tab")).await.unwrap();
    assert!(driver.sees("ventes.csv"));
    assert!(driver.sees(&text("upload-interrupted")));
    driver.click(&text("details")).await.unwrap();
    driver.click(&text("resume-upload")).await.unwrap();
    assert!(driver.sees(&text_with(
        "upload-done",
        &[
            ("created", &3),
            ("refused", &1),
            ("skipped", &0),
            ("pending", &0)
        ]
    )));
    assert_eq!(sandbox.record_count(ResourceName::Leads), before + 3);

    driver.click(&text("uploads-tab")).await.unwrap();
    driver
        .send(Message::Store(store::Message::Uploads(
            uploads::Message::Refresh,
        )))
        .await;
    assert!(driver.sees(&text("upload-finished")));
    driver.click(&text("details")).await.unwrap();
    let exported = isolated.dir.path().join("ventes-refused.csv");
    let upload_id = std::fs::read_dir(home.journals())
        .unwrap()
        .flatten()
        .find_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            name.strip_suffix(".jsonl").map(str::to_string)
        })
        .unwrap();
    let task = driver.app.update(Message::Store(store::Message::Uploads(
        uploads::Message::Export(upload_id),
    )));
    assert!(
        !exported.exists(),
        "the file is read and written by a task, not on the window's thread"
    );
    driver.run(task).await;
    let written = std::fs::read_to_string(&exported).unwrap();
    assert!(written.contains("ZZZ-404"));
    assert!(
        written.contains("The selected data.2.products.0.sku is invalid."),
        "{written}"
    );
    assert!(driver.sees(&text_with(
        "refused-exported",
        &[("count", &1), ("path", &exported.display())]
    )));

    std::fs::write(&exported, "fixed by hand").unwrap();
    driver.click(&text("export-refused")).await.unwrap();
    assert_eq!(std::fs::read_to_string(&exported).unwrap(), "fixed by hand");
    let again = std::fs::read_to_string(isolated.dir.path().join("ventes-refused-2.csv")).unwrap();
    assert!(again.contains("ZZZ-404"));
}

#[tokio::test]
async fn a_damaged_journal_is_shown_never_hidden() {
    let sandbox = sandbox(SandboxConfig::default()).await;
    let isolated = Isolated::new();
    let client = common::client(&sandbox);
    let home = wedocod_core::stores::create(
        &isolated.dir.path().join("data"),
        client.profile(),
        &secrecy::SecretString::from(sandbox.token().to_string()),
    )
    .unwrap();
    let journals = home.journals();
    std::fs::create_dir_all(&journals).unwrap();
    // Damage before the last line: not a torn tail, something overwrote the journal.
    std::fs::write(
        journals.join("up-20260101-000000-beef.jsonl"),
        "\u{0}\u{0}garbage\n{\"event\":\"finished\",\"at\":\"2026-01-01T00:00:00Z\"}\n",
    )
    .unwrap();
    let listing = wedocod_core::upload::past_uploads::list(&journals);
    let reason = &listing.damaged[0].reason;

    let mut driver = Driver::connect(&isolated, &sandbox, sandbox.token()).await;
    assert!(driver.sees(&text_with("uploads-damaged", &[("count", &1)])));
    driver.click(&text("uploads-tab")).await.unwrap();
    assert!(driver.sees(&text_with(
        "upload-damaged",
        &[("upload", &"up-20260101-000000-beef"), ("reason", reason)]
    )));
}

#[tokio::test]
async fn a_workbook_opens_on_its_first_sheet_with_data_and_another_sheet_is_a_pick_away() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook.add_worksheet().set_name("Vide").unwrap();
    let leads = workbook.add_worksheet().set_name("Leads").unwrap();
    common::workbook::leads_table(leads, 0, 0);
    workbook.save(&path).unwrap();

    let isolated = Isolated::new();
    let mut driver = Driver::boot(isolated.launch()).await;
    driver.click(&text("check-file-offline")).await.unwrap();
    open(&mut driver, path.to_str().unwrap()).await;
    assert!(driver.sees(&text_with("read-sheet", &[("count", &2)])));
    assert!(
        driver.sees(&summary(2, 1, 1)),
        "the number phone lost its zero, the other has a letter"
    );
    driver.click("612345678").await.unwrap();
    assert!(driver.sees(&text_with(
        "cell-in-sheet",
        &[
            ("line", &2),
            ("column", &"phone"),
            ("cell", &"B2"),
            ("sheet", &"Leads")
        ]
    )));
    driver
        .send(import_message(import::Message::Sheet("Vide".into())))
        .await;
    assert!(driver.sees(&text_with(
        "read-workbook",
        &[("reason", &"the sheet \"Vide\" is empty")]
    )));
}
