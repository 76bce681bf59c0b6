//! Every user-facing string of the window, in one place. A language is one `Strings`
//! value: adding French means writing `FRENCH` below and nothing in the screens, and
//! the compiler refuses a translation with a missing string.

/// The console's texts in one language. Templates mark their values with `{name}`; fill
/// them with [`fill`].
#[derive(Debug)]
pub struct Strings {
    pub app_name: &'static str,
    pub welcome_title: &'static str,
    pub welcome_body: &'static str,
    pub explore_demo: &'static str,
    pub explore_demo_hint: &'static str,
    pub connect_store: &'static str,
    pub connect_store_hint: &'static str,
    pub check_file_offline: &'static str,
    pub starting_demo: &'static str,
    pub demo_failed: &'static str,
    pub demo_not_built: &'static str,

    pub connect_title: &'static str,
    pub field_profile_name: &'static str,
    pub field_base_url: &'static str,
    pub field_prefix: &'static str,
    pub field_dialect: &'static str,
    pub field_token: &'static str,
    pub token_help: &'static str,
    pub connect: &'static str,
    pub connecting: &'static str,
    pub back: &'static str,
    pub name_required: &'static str,
    pub token_required: &'static str,
    /// `{name}`.
    pub name_taken: &'static str,

    pub leads: &'static str,
    pub orders: &'static str,
    pub search_placeholder: &'static str,
    pub all_statuses: &'static str,
    pub refresh: &'static str,
    pub per_page: &'static str,
    pub loading: &'static str,
    pub first_page: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub last_page: &'static str,
    /// `{page}`, `{pages}`, `{total}`.
    pub page_of: &'static str,
    pub no_records: &'static str,

    pub column_reference: &'static str,
    pub column_customer: &'static str,
    pub column_phone: &'static str,
    pub column_city: &'static str,
    pub column_products: &'static str,
    pub column_total: &'static str,
    pub column_status: &'static str,
    pub column_created: &'static str,

    pub details: &'static str,
    pub close: &'static str,
    pub history: &'static str,
    pub no_history: &'static str,
    /// `{old}`, `{new}`, `{by}`, `{at}`.
    pub history_entry: &'static str,

    /// `{count}`.
    pub selected_count: &'static str,
    pub change_status_to: &'static str,
    pub apply: &'static str,
    pub delete: &'static str,
    pub confirm_delete: &'static str,
    pub cancel: &'static str,
    pub confirm_delete_title: &'static str,
    /// `{count}`.
    pub confirm_delete_body: &'static str,
    /// `{count}`, `{fields}`.
    pub status_changed: &'static str,
    /// `{count}`.
    pub deleted: &'static str,
    pub export_button: &'static str,
    pub export_hint: &'static str,
    /// `{count}`, `{kind}`.
    pub export_title: &'static str,
    /// `{path}`, `{estimate}`.
    pub export_body: &'static str,
    pub export_start: &'static str,
    /// `{kind}`, `{page}`, `{pages}`, `{rows}`.
    pub exporting: &'static str,
    /// `{seconds}`.
    pub export_waiting: &'static str,
    /// `{rows}`, `{kind}`, `{path}`.
    pub exported: &'static str,
    /// `{total}`.
    pub export_count_changed: &'static str,
    /// `{scope}`.
    pub action_needs_scope: &'static str,

    pub retry: &'static str,
    pub dismiss: &'static str,
    pub replace_token: &'static str,
    pub error_unauthenticated: &'static str,
    /// `{scope}`.
    pub error_forbidden_scope: &'static str,
    pub error_forbidden: &'static str,
    pub error_not_found: &'static str,
    pub error_validation: &'static str,
    /// `{seconds}`.
    pub error_rate_limited: &'static str,
    /// `{status}`.
    pub error_server: &'static str,
    pub error_unreachable: &'static str,
    pub error_tls: &'static str,
    pub error_timeout: &'static str,
    pub error_interrupted: &'static str,
    /// `{status}`, `{excerpt}`.
    pub error_undecodable: &'static str,
    /// `{status}`.
    pub error_redirected: &'static str,
    pub error_unexpected: &'static str,
    pub error_not_sent: &'static str,
    pub error_plain_http: &'static str,
    pub error_bad_url: &'static str,
    pub error_url_extras: &'static str,

    pub stores: &'static str,
    pub profiles_title: &'static str,
    pub no_profiles: &'static str,
    pub add_store: &'static str,
    pub active_profile: &'static str,
    pub open: &'static str,
    pub rename: &'static str,
    pub save: &'static str,
    /// `{hint}`: the token's last characters.
    pub token_ending: &'static str,
    pub token_saved: &'static str,
    /// `{name}`.
    pub delete_profile_title: &'static str,
    pub delete_profile_body: &'static str,
    /// `{reason}`.
    pub token_session_only: &'static str,
    /// `{reason}`.
    pub keyring_failed: &'static str,
    /// `{name}`.
    pub token_missing: &'static str,

    pub import: &'static str,
    pub uploads_tab: &'static str,
    pub import_hint: &'static str,
    pub path_placeholder: &'static str,
    pub open_file: &'static str,
    pub browse: &'static str,
    pub reading_file: &'static str,
    pub detected: &'static str,
    pub encoding: &'static str,
    pub delimiter: &'static str,
    pub encoding_unsure: &'static str,
    /// `{encoding}`, `{delimiter}`.
    pub read_as: &'static str,
    pub sheet: &'static str,
    pub read_sheet: &'static str,
    pub cell_in_sheet: &'static str,
    /// `{rows}`, `{errors}`, `{warnings}`.
    pub rows_summary: &'static str,
    pub columns: &'static str,
    pub column_other: &'static str,
    pub cell: &'static str,
    pub select_a_cell: &'static str,
    /// `{line}`, `{column}`.
    pub cell_at: &'static str,
    /// `{message}`.
    pub server_said: &'static str,
    pub problems: &'static str,
    pub errors_only: &'static str,
    /// A summary line whose problems differ by their cells' values.
    pub summary_alike: &'static str,
    pub next_issue: &'static str,
    pub previous_issue: &'static str,
    pub find_replace: &'static str,
    pub in_column: &'static str,
    pub find: &'static str,
    pub replace_with: &'static str,
    pub replace_all: &'static str,
    /// `{count}`.
    pub replaced: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub save_corrected: &'static str,
    pub save_report: &'static str,
    pub save_corrected_xlsx: &'static str,
    pub save_report_xlsx: &'static str,
    /// `{path}`.
    pub saved_to: &'static str,
    pub upload: &'static str,
    pub upload_needs_store: &'static str,
    /// `{store}`, `{rows}`.
    pub upload_to: &'static str,
    /// `{count}`.
    pub skip_invalid: &'static str,
    pub per_request: &'static str,
    pub queue_hint: &'static str,
    pub start_upload: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    /// `{requests}`, `{created}`, `{refused}`, `{pending}`, `{rate}`, `{left}`.
    pub progress_line: &'static str,
    /// `{id}`, `{status}`, `{processed}`, `{total}`.
    pub batch_line: &'static str,
    /// `{created}`, `{refused}`, `{skipped}`, `{pending}`.
    pub upload_done: &'static str,
    pub fix_then_retry: &'static str,
    pub upload_again_hint: &'static str,
    /// `{count}`, `{line}`, `{upload}`.
    pub already_created: &'static str,
    pub unreadable_journal: &'static str,
    pub skip_sent: &'static str,
    pub send_again: &'static str,
    pub busy_uploading: &'static str,
    pub retry_refused: &'static str,

    /// `{count}`.
    pub catalogue_fresh: &'static str,
    /// `{count}`, `{hours}`.
    pub catalogue_cached: &'static str,
    /// `{reason}`.
    pub catalogue_unknown: &'static str,
    pub uploads_title: &'static str,
    pub no_uploads: &'static str,
    pub upload_when: &'static str,
    pub upload_file: &'static str,
    pub upload_rows: &'static str,
    pub upload_mode: &'static str,
    pub upload_created: &'static str,
    pub upload_refused: &'static str,
    pub upload_waiting: &'static str,
    pub upload_state: &'static str,
    pub upload_finished: &'static str,
    pub upload_interrupted: &'static str,
    /// `{line}`.
    pub line_n: &'static str,
    pub export_refused: &'static str,
    pub resume_upload: &'static str,
    /// `{ids}`.
    pub upload_batches: &'static str,
    /// `{count}`, `{path}`.
    pub refused_exported: &'static str,
    /// `{count}`.
    pub uploads_interrupted: &'static str,
    pub uploads_damaged: &'static str,
    pub upload_damaged: &'static str,

    pub online: &'static str,
    pub offline: &'static str,
    /// `{remaining}`, `{limit}`.
    pub rate_budget: &'static str,
    pub demo_profile: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
}

/// English, the first language.
pub const ENGLISH: Strings = Strings {
    app_name: "WedoCOD Console",
    welcome_title: "Welcome to the WedoCOD Console",
    welcome_body: "Browse your leads and orders, prepare CSV files offline and upload them in bulk.",
    explore_demo: "Explore with demo data",
    explore_demo_hint: "A built-in demo store with 320 leads and 220 orders. No account needed.",
    connect_store: "Connect a WedoCOD store",
    connect_store_hint: "Use the API token from your WedoCOD dashboard (Settings → API keys).",
    check_file_offline: "Or check a CSV file offline, without a store",
    starting_demo: "Starting the demo store…",
    demo_failed: "The demo store could not start",
    demo_not_built: "this build of the console has no demo store (built without the `demo` feature)",

    connect_title: "Connect a WedoCOD store",
    field_profile_name: "Store name (as you want to see it here)",
    field_base_url: "API address",
    field_prefix: "Path prefix (optional, e.g. /api/web/1.0)",
    field_dialect: "API generation",
    field_token: "API token",
    token_help: "The token is kept in your system's keyring, never in a file.",
    connect: "Connect",
    connecting: "Checking the token…",
    back: "Back",
    name_required: "Give this store a name.",
    token_required: "Paste the API token.",
    name_taken: "A store named “{name}” already exists: choose another name.",

    leads: "Leads",
    orders: "Orders",
    search_placeholder: "Search reference, name, phone, city (Ctrl+F)",
    all_statuses: "All statuses",
    refresh: "Refresh",
    per_page: "Per page",
    loading: "Loading…",
    first_page: "« First",
    previous_page: "‹ Previous",
    next_page: "Next ›",
    last_page: "Last »",
    page_of: "Page {page} of {pages} · {total} in all",
    no_records: "Nothing matches.",

    column_reference: "Reference",
    column_customer: "Customer",
    column_phone: "Phone",
    column_city: "City",
    column_products: "Products",
    column_total: "Total",
    column_status: "Status",
    column_created: "Created",

    details: "Details",
    close: "Close",
    history: "Status history",
    no_history: "No status change yet.",
    history_entry: "{old} → {new} · {by} · {at}",

    selected_count: "{count} selected",
    change_status_to: "Change status to…",
    apply: "Apply",
    delete: "Delete…",
    confirm_delete: "Yes, delete",
    cancel: "Cancel",
    confirm_delete_title: "Delete for good?",
    confirm_delete_body: "{count} record(s) will be deleted from your store. This cannot be undone.",
    status_changed: "Status changed on {count} record(s) (fields updated: {fields}).",
    deleted: "{count} record(s) deleted.",
    export_button: "Export…",
    export_hint: "Every record the filter and search select, all pages, to Excel or CSV (Ctrl+E)",
    export_title: "Export {count} {kind}?",
    export_body: "Every one the current filter and search select, all pages, to {path}: {estimate}.",
    export_start: "Export",
    exporting: "Exporting {kind}: page {page} of {pages} · {rows} rows",
    export_waiting: "The server asked to wait: trying again in {seconds} s",
    exported: "{rows} {kind} exported to {path}.",
    export_count_changed: "The store now counts {total} for this filter: records changed during the export.",
    action_needs_scope: "Your API token does not allow this: it lacks the \"{scope}\" permission.",

    retry: "Retry",
    dismiss: "Dismiss",
    replace_token: "Replace the token",
    error_unauthenticated: "The store did not accept the API token. It may have been revoked or mistyped.",
    error_forbidden_scope: "The API token lacks the \"{scope}\" permission. Create a token with it in the WedoCOD dashboard.",
    error_forbidden: "The API token is not allowed to do this.",
    error_not_found: "Not found, or it does not belong to this store.",
    error_validation: "The store refused the data.",
    error_rate_limited: "Too many requests: retrying by itself in {seconds} s.",
    error_server: "The store's server failed (HTTP {status}). Try again in a moment.",
    error_unreachable: "The store cannot be reached. Check the address and your connection.",
    error_tls: "The secure connection failed (certificate or TLS problem).",
    error_timeout: "The store did not answer in time.",
    error_interrupted: "The connection broke before the answer arrived.",
    error_undecodable: "The store's answer could not be read (HTTP {status}): {excerpt}",
    error_redirected: "The server answered HTTP {status} and sent the request on to {location}. Check the API address in Stores: the console never follows a write to another address.",
    error_unexpected: "Unexpected answer from the store (HTTP {status}).",
    error_not_sent: "Not sent",
    error_plain_http: "Plain http:// is refused for this address: the token would travel unencrypted. Use https://.",
    error_bad_url: "This is not a valid web address.",
    error_url_extras: "Give the API address alone (https://host/path), without a user name, password, ?query or #fragment: the token goes in its own field.",

    stores: "Stores",
    profiles_title: "Your stores",
    no_profiles: "No store yet.",
    add_store: "Add a store",
    active_profile: "open now",
    open: "Open",
    rename: "Rename",
    save: "Save",
    token_ending: "API token ending in …{hint}",
    token_saved: "API token saved",
    delete_profile_title: "Delete the store “{name}”?",
    delete_profile_body: "Its settings and its API token are removed from this computer. Your data at WedoCOD is not touched.",
    token_session_only: "The token is kept only until the console closes: {reason}.",
    keyring_failed: "The token could not be saved in the keyring: {reason} It is kept only until the console closes.",
    token_missing: "The API token of “{name}” is not saved on this computer: paste it again.",

    import: "Import",
    uploads_tab: "Uploads",
    import_hint: "Open a CSV file of leads or orders: type its path, pick it with Browse, or drop it on the window. Everything here works offline.",
    path_placeholder: "Path of a CSV file",
    open_file: "Open",
    browse: "Browse…",
    reading_file: "Reading and checking the file…",
    detected: "detected",
    encoding: "Encoding",
    delimiter: "Separator",
    encoding_unsure: "(guessed: check the accents and Arabic letters)",
    read_as: "Read as {encoding}, separator {delimiter}.",
    sheet: "Sheet",
    read_sheet: "Workbook: {count} sheet(s).",
    cell_in_sheet: "Line {line} · {column} · cell {cell} of {sheet}",
    rows_summary: "{rows} row(s) · {errors} error(s) · {warnings} warning(s)",
    columns: "Columns",
    column_other: "(custom data / not sent)",
    cell: "Cell",
    select_a_cell: "Click a cell to see its problems and fix it.",
    cell_at: "Line {line} · {column}",
    server_said: "The store refused it: {message}",
    problems: "Problems",
    errors_only: "Rows with errors only",
    summary_alike: "{count} × like line {line}: {message}",
    next_issue: "Next problem (F8)",
    previous_issue: "Previous (Shift+F8)",
    find_replace: "Find and replace",
    in_column: "In column…",
    find: "Find",
    replace_with: "Replace with",
    replace_all: "Replace in column",
    replaced: "{count} cell(s) changed.",
    undo: "Undo",
    redo: "Redo",
    save_corrected: "Save corrected CSV",
    save_report: "Save error report",
    save_corrected_xlsx: "Corrected file (.xlsx)",
    save_report_xlsx: "Report with marked cells (.xlsx)",
    saved_to: "Saved to {path}",
    upload: "Upload",
    upload_needs_store: "Connect a store (or explore the demo) to upload.",
    upload_to: "Send {rows} rows to {store}.",
    skip_invalid: "Skip the {count} row(s) with errors (listed in the report)",
    per_request: "Rows per request",
    queue_hint: "At most 100. Above 10 the store queues them and works through them in the background.",
    start_upload: "Start the upload",
    pause: "Pause",
    resume: "Resume",
    progress_line: "{requests} requests · {created} created · {refused} refused · {pending} waiting · {rate} rows/min{left}",
    batch_line: "Batch {id}: {status}, {processed}/{total}",
    upload_done: "{created} created, {refused} refused, {skipped} skipped, {pending} not settled.",
    fix_then_retry: "Fix the red cells, then send only those rows again.",
    already_created: "{count} row(s) of this file (the first on line {line}) were already sent to this store by upload {upload} (created, or still waiting in it). Go on with that upload from the Uploads tab to send only what it has not, send only the other rows, or create them again as new records.",
    unreadable_journal: "The journal of upload {upload} cannot be read ({reason}), so rows of this file may have been sent by it. Move that journal aside if you are sure they were not, or create them again as new records.",
    skip_sent: "Send only the other rows",
    send_again: "Create them again too",
    busy_uploading: "An upload is running: let it finish, or cancel it (it can be resumed), before opening or reading a file again.",
    upload_again_hint: "Uploading this file again would create its rows a second time; to do that on purpose, open it again.",
    retry_refused: "Send the fixed rows",

    catalogue_fresh: "SKUs are checked against the store's catalogue ({count} products, fetched now).",
    catalogue_cached: "The store cannot be reached: SKUs are checked against its catalogue as saved {hours} h ago ({count} products).",
    catalogue_unknown: "SKUs cannot be checked: the store's catalogue is unknown ({reason}).",
    uploads_title: "Uploads to this store",
    no_uploads: "No upload from this computer yet.",
    upload_when: "Started",
    upload_file: "File",
    upload_rows: "Rows",
    upload_mode: "Mode",
    upload_created: "Created",
    upload_refused: "Refused",
    upload_waiting: "Waiting",
    upload_state: "State",
    upload_finished: "finished",
    upload_interrupted: "interrupted",
    line_n: "Line {line}:",
    export_refused: "Export refused rows",
    resume_upload: "Resume",
    upload_batches: "Batches: {ids}",
    refused_exported: "{count} refused row(s) written to {path}, with an errors column.",
    uploads_interrupted: "{count} upload(s) to this store stopped before their end: resume them from the Uploads tab.",
    uploads_damaged: "{count} upload journal(s) of this store cannot be read: see the Uploads tab. Rows they may hold are not sent again without asking.",
    upload_damaged: "Upload {upload}: its journal cannot be read ({reason}). The rows it planned count as sent: a new upload of the same rows is refused unless you create them again on purpose.",

    online: "Online",
    offline: "Offline",
    rate_budget: "{remaining}/{limit} requests left this minute",
    demo_profile: "Demo store",
    theme_light: "Light",
    theme_dark: "Dark",
};

/// The strings of the current language.
pub fn strings() -> &'static Strings {
    &ENGLISH
}

/// Replaces `{name}` placeholders with values.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), &value.to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled() {
        let text = fill(
            ENGLISH.page_of,
            &[("page", &2), ("pages", &7), ("total", &320)],
        );
        assert_eq!(text, "Page 2 of 7 · 320 in all");
    }
}
