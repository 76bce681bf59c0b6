# The console's English texts: the fallback every other catalogue is checked against
# (tests/i18n_catalogues.rs: same message ids, same variables). Variables are `{ $name }`;
# numbers choose their plural form with `{ $count -> [one] … *[other] … }`.

app-name = WedoCOD Console
welcome-title = Welcome to the WedoCOD Console
welcome-body = Browse your leads and orders, prepare CSV files offline and upload them in bulk.
explore-demo = Explore with demo data
explore-demo-hint = A built-in demo store with 320 leads and 220 orders. No account needed.
connect-store = Connect a WedoCOD store
connect-store-hint = Use the API token from your WedoCOD dashboard (Settings → API keys).
check-file-offline = Or check a CSV file offline, without a store
starting-demo = Starting the demo store…
demo-failed = The demo store could not start
demo-not-built = this build of the console has no demo store (built without the `demo` feature)
connect-title = Connect a WedoCOD store
field-profile-name = Store name (as you want to see it here)
field-base-url = API address
field-prefix = Path prefix (optional, e.g. /api/web/1.0)
field-dialect = API generation
field-token = API token
token-help = The token is kept in your system's keyring, never in a file.
connect = Connect
connecting = Checking the token…
back = Back
name-required = Give this store a name.
token-required = Paste the API token.
name-taken = A store named “{ $name }” already exists: choose another name.
leads = Leads
orders = Orders
search-placeholder = Search reference, name, phone, city (Ctrl+F)
all-statuses = All statuses
refresh = Refresh
per-page = Per page
loading = Loading…
first-page = « First
previous-page = ‹ Previous
next-page = Next ›
last-page = Last »
page-of = Page { $page } of { $pages } · { $total } in all
no-records = Nothing matches.
column-reference = Reference
column-customer = Customer
column-phone = Phone
column-city = City
column-products = Products
column-total = Total
column-status = Status
column-created = Created
details = Details
close = Close
history = Status history
no-history = No status change yet.
history-entry = { $old } → { $new } · { $by } · { $at }
selected-count = { $count } selected
change-status-to = Change status to…
apply = Apply
delete = Delete…
confirm-delete = Yes, delete
cancel = Cancel
confirm-delete-title = Delete for good?
confirm-delete-body = { $count ->
    [one] 1 record will be deleted from your store. This cannot be undone.
   *[other] { $count } records will be deleted from your store. This cannot be undone.
}
status-changed = { $count ->
    [one] Status changed on 1 record (fields updated: { $fields }).
   *[other] Status changed on { $count } records (fields updated: { $fields }).
}
deleted = { $count ->
    [one] 1 record deleted.
   *[other] { $count } records deleted.
}
export-button = Export…
export-hint = Every record the filter and search select, all pages, to Excel or CSV (Ctrl+E)
export-title = { $count ->
    [one] Export 1 record?
   *[other] Export { $count } { $kind }?
}
export-body = Every one the current filter and search select, all pages, to { $path }: { $estimate }.
export-start = Export
exporting = Exporting { $kind }: page { $page } of { $pages } · { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}
export-waiting = The server asked to wait: trying again in { $seconds } s
exported = { $rows ->
    [one] 1 record exported to { $path }.
   *[other] { $rows } { $kind } exported to { $path }.
}
export-count-changed = The store now counts { $total } for this filter: records changed during the export.
action-needs-scope = Your API token does not allow this: it lacks the "{ $scope }" permission.
retry = Retry
dismiss = Dismiss
replace-token = Replace the token
error-unauthenticated = The store did not accept the API token. It may have been revoked or mistyped.
error-forbidden-scope = The API token lacks the "{ $scope }" permission. Create a token with it in the WedoCOD dashboard.
error-forbidden = The API token is not allowed to do this.
error-not-found = Not found, or it does not belong to this store.
error-validation = The store refused the data.
error-rate-limited = Too many requests: retrying by itself in { $seconds } s.
error-server = The store's server failed (HTTP { $status }). Try again in a moment.
error-unreachable = The store cannot be reached. Check the address and your connection.
error-tls = The secure connection failed (certificate or TLS problem).
error-timeout = The store did not answer in time.
error-interrupted = The connection broke before the answer arrived.
error-undecodable = The store's answer could not be read (HTTP { $status }): { $excerpt }
error-redirected = The server answered HTTP { $status } and sent the request on to { $location }. Check the API address in Stores: the console never follows a write to another address.
error-unexpected = Unexpected answer from the store (HTTP { $status }).
error-not-sent = Not sent
error-plain-http = Plain http:// is refused for this address: the token would travel unencrypted. Use https://.
error-bad-url = This is not a valid web address.
error-url-extras = Give the API address alone (https://host/path), without a user name, password, ?query or #fragment: the token goes in its own field.
stores = Stores
profiles-title = Your stores
no-profiles = No store yet.
add-store = Add a store
active-profile = open now
open = Open
rename = Rename
save = Save
token-ending = API token ending in …{ $hint }
token-saved = API token saved
delete-profile-title = Delete the store “{ $name }”?
delete-profile-body = Its settings and its API token are removed from this computer. Your data at WedoCOD is not touched.
token-session-only = The token is kept only until the console closes: { $reason }.
keyring-failed = The token could not be saved in the keyring: { $reason } It is kept only until the console closes.
token-missing = The API token of “{ $name }” is not saved on this computer: paste it again.
import = Import
uploads-tab = Uploads
import-hint = Open a CSV file or an Excel or LibreOffice workbook of leads or orders: type its path, pick it with Browse, or drop it on the window. Everything here works offline.
path-placeholder = Path of a CSV file or a workbook
open-file = Open
browse = Browse…
reading-file = Reading and checking the file…
detected = detected
encoding = Encoding
delimiter = Separator
encoding-unsure = (guessed: check the accents and Arabic letters)
read-as = Read as { $encoding }, separator { $delimiter }.
sheet = Sheet
read-sheet = { $count ->
    [one] Workbook: 1 sheet.
   *[other] Workbook: { $count } sheets.
}
cell-in-sheet = Line { $line } · { $column } · cell { $cell } of { $sheet }
rows-summary = { $rows ->
        [one] 1 row
       *[other] { $rows } rows
    } · { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } · { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
columns = Columns
column-other = (custom data / not sent)
cell = Cell
select-a-cell = Click a cell to see its problems and fix it.
cell-at = Line { $line } · { $column }
server-said = The store refused it: { $message }
problems = Problems
errors-only = Rows with errors only
summary-alike = { $count } × like line { $line }: { $message }
next-issue = Next problem (F8)
previous-issue = Previous (Shift+F8)
find-replace = Find and replace
in-column = In column…
find = Find
replace-with = Replace with
replace-all = Replace in column
replaced = { $count ->
    [one] 1 cell changed.
   *[other] { $count } cells changed.
}
undo = Undo
redo = Redo
save-corrected = Save corrected CSV
save-report = Save error report
save-corrected-xlsx = Corrected file (.xlsx)
save-report-xlsx = Report with marked cells (.xlsx)
saved-to = Saved to { $path }
upload = Upload
upload-needs-store = Connect a store (or explore the demo) to upload.
upload-to = Send { $rows } rows to { $store }.
skip-invalid = { $count ->
    [one] Skip the row with errors (listed in the report)
   *[other] Skip the { $count } rows with errors (listed in the report)
}
per-request = Rows per request
queue-hint = At most 100. Above 10 the store queues them and works through them in the background.
start-upload = Start the upload
pause = Pause
resume = Resume
progress-line = { $requests } requests · { $created } created · { $refused } refused · { $pending } waiting · { $rate } rows/min{ $left }
batch-line = Batch { $id }: { $status }, { $processed }/{ $total }
upload-done = { $created } created, { $refused } refused, { $skipped } skipped, { $pending } not settled.
fix-then-retry = Fix the red cells, then send only those rows again.
already-created = { $count ->
    [one] 1 row of this file (line { $line }) was already sent to this store by upload { $upload } (created, or still waiting in it).
   *[other] { $count } rows of this file (the first on line { $line }) were already sent to this store by upload { $upload } (created, or still waiting in it).
} Go on with that upload from the Uploads tab to send only what it has not, send only the other rows, or create them again as new records.
unreadable-journal = The journal of upload { $upload } cannot be read ({ $reason }), so rows of this file may have been sent by it. Move that journal aside if you are sure they were not, or create them again as new records.
skip-sent = Send only the other rows
send-again = Create them again too
busy-uploading = An upload is running: let it finish, or cancel it (it can be resumed), before opening or reading a file again.
upload-again-hint = Uploading this file again would create its rows a second time; to do that on purpose, open it again.
retry-refused = Send the fixed rows
catalogue-fresh = SKUs are checked against the store's catalogue ({ $count } products, fetched now).
catalogue-cached = The store cannot be reached: SKUs are checked against its catalogue as saved { $hours } h ago ({ $count } products).
catalogue-unknown = SKUs cannot be checked: the store's catalogue is unknown ({ $reason }).
uploads-title = Uploads to this store
no-uploads = No upload from this computer yet.
upload-when = Started
upload-file = File
upload-rows = Rows
upload-mode = Mode
upload-created = Created
upload-refused = Refused
upload-waiting = Waiting
upload-state = State
upload-finished = finished
upload-interrupted = interrupted
line-n = Line { $line }:
export-refused = Export refused rows
resume-upload = Resume
upload-batches = Batches: { $ids }
refused-exported = { $count ->
    [one] 1 refused row written to { $path }, with an errors column.
   *[other] { $count } refused rows written to { $path }, with an errors column.
}
uploads-interrupted = { $count ->
    [one] 1 upload to this store stopped before its end: resume it from the Uploads tab.
   *[other] { $count } uploads to this store stopped before their end: resume them from the Uploads tab.
}
uploads-damaged = { $count ->
    [one] 1 upload journal of this store cannot be read: see the Uploads tab. Rows it may hold are not sent again without asking.
   *[other] { $count } upload journals of this store cannot be read: see the Uploads tab. Rows they may hold are not sent again without asking.
}
upload-damaged = Upload { $upload }: its journal cannot be read ({ $reason }). The rows it planned count as sent: a new upload of the same rows is refused unless you create them again on purpose.
online = Online
offline = Offline
rate-budget = { $remaining }/{ $limit } requests left this minute
demo-profile = Demo store
theme-light = Light
theme-dark = Dark

settings = Settings
settings-title = Settings
settings-language = Language
settings-theme = Theme
theme-system = Follow the system
settings-folders = Where things live
settings-config-folder = Settings and remembered column choices
settings-data-folder = Upload journals, caches and the log
open-folder = Open the folder
settings-about = About
about-version = WedoCOD Merchant Console { $version }
about-licences = MIT licence. Fonts: Noto Sans and Noto Sans Arabic (SIL Open Font License 1.1).
data-size = The data folder holds { $megabytes } MB.

kind-leads = leads
kind-orders = orders
detail-area = Area
detail-address = Address
detail-email = E-mail
detail-custom-data = Custom data
detail-updated = Updated
detail-fees-paid-by = Delivery fees paid by
fees-customer = the customer
fees-store = the store
status-new = New
status-confirmed = Confirmed
status-no_reply = No reply
status-call_later = Call later
status-cancelled = Cancelled
status-canceled = Cancelled
status-wrong_number = Wrong number
status-duplicate = Duplicate
status-shipped = Shipped
status-delivered = Delivered
status-returned = Returned
settings-log = The log of the window (to send to support: it never holds the token)
open-log = Open the log
export-estimate = { $requests ->
        [one] 1 request
       *[other] about { $requests } requests
    }, { $minutes ->
        [0] under a minute
        [one] about 1 minute
       *[other] about { $minutes } minutes
    }
dialog-excel = Excel workbook
dialog-csv-or-workbook = CSV file or workbook
close-while-uploading-title = An upload is running
close-while-uploading-body = Close the window anyway? The upload stops where it is and can be resumed from the Uploads tab: no row is lost or sent twice.
close-anyway = Close anyway
upload-ended-title = Upload finished
export-ended-title = Export finished
close-with-outcomes-title = Outcomes not sent yet
close-with-outcomes-body = { $count ->
    [one] One outcome has not reached the store (it refused it or asks to wait). Close anyway? That lead keeps its status in the store and comes back to the desk next time.
   *[other] { $count } outcomes have not reached the store (it refused them or asks to wait). Close anyway? Those leads keep their status in the store and come back to the desk next time.
}
export-cancelled = The export was cancelled: no file was written.
export-pages-repeat = The server sent page { $page } again: it seems to ignore the page asked for. No file was written.
export-too-many-pages = The list has more than { $ceiling } pages (the server announced { $announced }): the console reads at most { $ceiling } pages at a time. Narrow the filter (a status or a search) and export again. No file was written.
export-write-failed = Cannot write { $path }: { $reason }

## What the file checker says about a cell (the core's Wording; the same English as JSON)
label-full-name = full name
label-first-name = first name
label-last-name = last name
label-phone = phone
label-email = e-mail
label-city = city
label-area = area
label-address = address
label-shipment-way = shipment way
label-fees = "fees paid by customer" answer
label-order-total = order total
label-sku = SKU
label-quantity = quantity
label-unit-price = unit price
label-product-total = product total
label-order-reference = order reference
label-product-sku = product SKU
label-product-price = product price
label-column-header = column header
label-custom-value = value of "{ $header }"
label-computed = { $wanted } computed from the { $from }
check-required = The { $label } is empty.
fix-required = Fill in the { $label }.
check-missing-column = No column holds the { $label }.
fix-missing-column = Add a "{ $name }" column, or choose one with --map { $name }=<column header>.
check-invalid-email = "{ $value }" is not an e-mail address.
fix-invalid-email = Write it like name@example.com, or leave it empty.
check-not-whole = The { $label } "{ $value }" is not a whole number.
fix-not-whole = Write a whole number from { $min } to { $max }.
check-not-amount = The { $label } "{ $value }" is not an amount.
fix-not-amount = Write an amount such as 149 or 149,50.
check-out-of-range = The { $label } { $value } is outside the allowed range { $min } to { $max }.
fix-out-of-range = Write a value from { $min } to { $max }.
check-not-yes-no = The { $label } "{ $value }" is neither yes nor no.
fix-not-yes-no = Write yes or no (oui/non, نعم/لا and 1/0 work too).
check-too-short = The { $label } is too short: { $length } characters, at least { $min }.
fix-too-short = Write the complete { $label }.
check-too-long = The { $label } is too long: { $length } characters, at most { $max }.
fix-too-long = Shorten it to { $max } characters.
check-too-many-cells = This row has { $count } cells but the header has { $width }: a value probably holds an unquoted delimiter.
fix-too-many-cells = Put quotes around values that contain the delimiter, or delete the extra cells.
check-too-few-cells = This row has { $count } of the header's { $width } cells.
fix-too-few-cells = Look for a missing delimiter or a line broken in two.
check-nul = This cell holds invisible NUL characters.
fix-nul = Delete them (the corrected file leaves them out).
check-phone-foreign = The phone "{ $value }" is a number from { $country }, not { $region }.
fix-phone-foreign = Check that the customer can be reached for delivery.
check-phone-lost-zero = The phone "{ $value }" lost its leading 0 (Excel drops it).
fix-phone-lost-zero = Write { $national }.
check-phone-unknown-range = The phone "{ $value }" is not in a { $region } range the phone metadata knows: check it.
fix-phone-unknown-range = The store accepts it (new ranges open before the metadata knows them); make sure the customer can be reached.
check-phone-letters = The phone "{ $value }" contains letters.
fix-phone-letters = Keep only the digits of the number.
check-phone-scientific = Excel turned the phone into "{ $value }" and lost its digits.
fix-phone-scientific = Format the phone column as Text in Excel and type the numbers again.
check-phone-invalid = "{ $value }" is not a valid { $region } phone number.
fix-phone-invalid = A valid number looks like { $example }.
check-unknown-sku = The SKU "{ $sku }" is not in your product catalogue.
fix-unknown-sku = Check the spelling, or add the product in WedoCOD first.
check-out-of-stock = "{ $sku }" is out of stock in every warehouse.
fix-out-of-stock = The row can be sent, but the order may be cancelled: restock or ask a sourcing first.
check-lead-no-product = This lead has no product.
check-order-no-product = This order has no product.
fix-no-product = Fill in the SKU (and quantity) of what the customer ordered.
check-lead-too-many-products = This lead has { $count } products, at most { $max } are allowed.
check-order-too-many-products = This order has { $count } products, at most { $max } are allowed.
fix-lead-too-many-products = Split it into several leads.
fix-order-too-many-products = Split it into several orders.
check-too-many-extra-columns = { $count } extra columns are filled in this row; at most { $max } can be sent.
fix-too-many-extra-columns = Map the columns you need to fields, or delete the others.
check-duplicate = Same phone and product as line { $line }: probably the same customer twice.
fix-duplicate = Delete this row or line { $line } if they are the same order.
check-encoding-guessed = The file's encoding was guessed as { $encoding } with low confidence.
fix-encoding-guessed = If names look garbled, choose the encoding with --encoding (utf-8, windows-1252, windows-1256).
check-unclosed-quote = A quote opens on line { $line } and never closes: the rest of the file was read as one cell.
fix-unclosed-quote = Add the closing quote (") or delete the opening one.

## The terminal's `validate` report
cli-label-file = File:
cli-label-read-as = Read as:
cli-label-columns = Columns:
cli-label-not-sent = Not sent:
cli-label-rows = Rows:
cli-read-as = { $encoding } ({ $source }), delimiter { $delimiter }, header on line { $line }
delimiter-tab = tab
cli-source-chosen = chosen
cli-source-bom = byte order mark
cli-source-utf8 = valid UTF-8
cli-source-guessed-sure = guessed, high confidence
cli-source-guessed-unsure = guessed, low confidence
cli-source-workbook = workbook cells
cli-close-spelling = (close spelling: check it)
cli-extra-data-leads = Extra data sent with each lead: { $columns }
cli-extra-data-orders = Extra data sent with each order: { $columns }
cli-rows = { $rows } read, { $ready } ready to send · { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
cli-errors = Errors
cli-warnings = Warnings
cli-in-column = in "{ $column }"
cli-issue-group = { $count }× { $what }, { $count ->
        [one] line
       *[other] lines
    } { $lines }
cli-fix = Fix: { $fix }

## Uploads said in the terminal (and the window's reasons an upload stopped)
upload-invalid-rows = { $count ->
    [one] 1 row has errors (line { $line }): fix it, or skip it with --skip-invalid
   *[other] { $count } rows have errors (the first on line { $line }): fix them, or skip them with --skip-invalid
}
upload-nothing-to-send = The file has no row to send.
upload-already-created = { $count ->
    [one] 1 row of this file (line { $line }) was already sent to this store by upload { $id } (created, or still waiting in it)
   *[other] { $count } rows of this file (the first on line { $line }) were already sent to this store by upload { $id } (created, or still waiting in it)
}: go on with that upload (--resume { $id }), send only the other rows (--skip-sent), or create them again as new records (--again).
upload-offline = The network is down ({ $reason }); the upload can be resumed.
upload-cancelled = The upload was cancelled; it can be resumed.
upload-server-keeps-failing = The server failed { $count } requests in a row (the last: { $last }); the upload stopped and can be resumed.
activity-starting = starting
activity-sending = { $rows ->
    [one] sending 1 row
   *[other] sending { $rows } rows
}
activity-looking-up = looking up rows whose outcome is unknown
activity-batches = following queued batches
activity-offline = offline, trying again
activity-done = done
outcome-created = created
outcome-refused = refused
outcome-uncertain = not confirmed
outcome-skipped = skipped
outcome-pending = not sent
cli-upload-started = Upload { $id } of { $file } (resume with --resume { $id })
cli-upload-summary = Upload { $id }: { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}, { $created } created, { $refused } refused, { $skipped } skipped, { $uncertain } not confirmed, { $pending } not sent.
cli-upload-line = line { $line }: { $outcome }
cli-upload-resume-hint = Fix the rows above in the file, then send only them with: --resume { $id }
cli-rows-settled = rows settled
cli-progress = { $created } created, { $refused } refused, { $waiting } waiting, { $requests } requests, { $rate } rows/min
cli-time-left = about { $minutes } min left
cli-export-exists = { $path } exists: choose another name, or add --overwrite
cli-page = page
cli-exporting = Exporting { $count } { $kind }: { $estimate }
cli-export-rows = { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}
cli-no-token-in-env = The environment variable { $variable } holds no token.
cli-no-store = No store: connect one in the window, or give --base-url and --token-env.
cli-unknown-store = No store is named “{ $name }”.
cli-keyring-failed = The keyring cannot be read: { $reason }

## Why a file cannot be checked at all
read-unknown-region = Unknown phone region "{ $region }": use a two-letter country code such as MA.
read-write-failed = Cannot write the corrected file: { $reason }
read-io = Cannot read { $path }: { $reason }
read-empty = The file is empty.
read-workbook = The workbook cannot be read: { $reason }
read-workbook-part-too-large = The workbook cannot be read: its part { $part } unpacks to more than { $limit } MiB, more than any table of leads or orders needs. Open it in Excel or LibreOffice and save it again, or save the sheet as "CSV UTF-8".
read-workbook-archive-too-large = The workbook cannot be read: its parts unpack to more than { $limit } MiB in all, more than any table of leads or orders needs. Open it in Excel or LibreOffice and save it again, or save the sheet as "CSV UTF-8".
read-workbook-sheet-too-large = The sheet "{ $sheet }" spans { $rows } rows by { $columns } columns ({ $first } to { $last }): the console reads at most { $limit } cells of a sheet. Delete what lies beyond the table (a stray cell far below or to the right), or save the sheet as "CSV UTF-8".
read-workbook-sheets-too-large = The workbook cannot be read: its sheets span more than { $limit } cells together, and the console holds them all at once to read this kind of file. Delete the sheets you do not need or what lies beyond the tables, or save the sheet as "CSV UTF-8".
read-spreadsheet = This is an { $format }, not a CSV file: open it and save it as "CSV UTF-8".
read-binary = Line { $line } holds binary data (NUL bytes or control characters): this is not a CSV file.
read-no-header = The file has only blank lines.
read-header-only = The file has a header on line { $line } but no rows below it.
read-unknown-encoding = Unknown encoding "{ $name }": try utf-8, windows-1252 or windows-1256.
read-csv = Line { $line }: the CSV reader stopped: { $reason }
map-syntax = --map entry "{ $argument }" should look like field=Column Header
map-unknown-field = --map: unknown field "{ $field }" (fields: full_name, phone, city, area, address, sku, quantity, price, line_total, sku_2…, group; orders add email, total, shipment_way, is_fees_paid_by_customer)
map-no-column = --map { $field }=…: the file has no column "{ $header }"
copy-diagnostics = Copy diagnostics
diagnostics-hint = For support: the version, the system, the folders and the end of the log (never the token).
diagnostics-copied = Copied: paste it into your message to support.

## The confirmation desk
desk-tab = Desk
desk-closing = Sending the desk's last outcomes; the window closes once the store has them.
desk-queue = Queue:
desk-tally = { $handled } handled · { $confirmed } confirmed · { $rate } an hour
desk-waiting = { $count ->
    [one] 1 lead in the queue
   *[other] { $count } leads in the queue
}
desk-store-waits = The store asked to wait: outcomes go in { $seconds } s (keep going)
desk-done = No lead is waiting: the queue is empty.
desk-refused = The store did not take the last outcome: { $reason }
desk-whatsapp = WhatsApp (W)
desk-call = Call (C)
desk-copy-phone = Copy phone (P)
desk-copied = Copied
desk-skip = Skip (S)
desk-undo = Undo last (U)
desk-whatsapp-template = Hello {"{"}name{"}"}, this is about your order of {"{"}products{"}"} ({"{"}total{"}"}) for delivery in {"{"}city{"}"}. Can you confirm it?
settings-whatsapp = The desk's WhatsApp message
settings-whatsapp-hint = {"{"}name{"}"}, {"{"}products{"}"}, {"{"}total{"}"} and {"{"}city{"}"} are filled in for each customer; empty: the default of the language.

## The store at a glance
glance-tab = Dashboard
glance-title = The store at a glance
glance-as-of = as of { $time }
glance-percent = { $percent }%
glance-confirmation = Leads confirmed (of those with an outcome)
glance-delivery = Orders delivered (of those delivered or returned)
glance-return = Orders returned

## What loading the settings had to repair
config-unreadable = The settings file { $path } could not be read ({ $reason }); default settings are used.
config-damaged = The settings file is damaged, so default settings are used: { $reason }
config-setting = The setting `{ $key }` could not be read; its default is used.
config-profile-named = The store “{ $name }” could not be read and was left out.
config-profile-number = The store number { $position } could not be read and was left out.
config-page-size = The page size { $given } is not offered; it was set to { $used }.
config-language = The language “{ $given }” is not one the console speaks; it follows the computer's.
config-window = The saved window size or place could not be used; the window opens at its usual size.
config-desk-statuses = The desk's queue named statuses that leads do not have ({ $given }); they were left out.
config-profile-name = A store (“{ $name }”) was left out of the settings: { $reason }.
config-active-gone = The store “{ $name }” opened last no longer exists; none is opened.
config-copied = The damaged file was copied to { $path }.
config-copy-failed = The damaged file could not be copied to { $path } ({ $reason }); the next save replaces it.
cli-error = error: { $message }

## The local copy (sync and customer commands, the status bar)
sync-busy = Another window or command is syncing this store.
sync-cancelled = The sync was stopped; the pages read so far are kept, and the next sync goes on from there.
sync-copy-failed = The local copy cannot be written: { $reason }
sync-set-aside = The local copy could not be used ({ $reason }); it was set aside and rebuilt.
sync-progress = Syncing: page { $page } of { $pages } · { $requests } requests
sync-counts = { $kind }: { $total } ({ $statuses })
sync-requests = { $requests } requests
customer-not-a-phone = “{ $text }” is not a phone number.
customer-from-copy = The store could not be brought up to date ({ $reason }); answering from the local copy.
customer-no-copy = There is no local copy of this store yet: run `wedocod-console sync` once online.
customer-summary = { $phone }: { $leads } leads, { $orders } orders, { $delivered } delivered, { $returned } returned
copy-synced-at = synced { $time }
copy-offline-as-of = offline, as of { $time }
copy-syncing = syncing…
desk-customer-orders = { $orders ->
    [0] No earlier order
    [one] 1 earlier order: { $delivered } delivered, { $returned } returned
   *[other] { $orders } earlier orders: { $delivered } delivered, { $returned } returned
} · { $leads ->
    [0] no other lead
    [one] 1 other lead
   *[other] { $leads } other leads
}
desk-customer-returned = This phone returned or refused { $returned } parcels before.
desk-customer-duplicate = Likely duplicate of { $references } (same phone and product within 72 h).
desk-duplicate-key = D marks it as a duplicate.
filter-city = City
filter-product = Product (SKU)
filter-from = From (2026-12-01)
filter-to = To (2026-12-31)
filter-clear = Clear
filter-bad-date = “{ $date }” is not a date: write it 2026-12-01 or 01/12/2026.
table-from-copy = From the local copy, synced { $time }: no request, works offline.
customer-past-title = This customer
trends-from-copy = From the local copy: no request. Click a column or a row to open its records.
trends-leads-per-day = Leads per day, last 30 days (green: confirmed)
trends-orders-per-day = Orders per day, last 30 days (red: returned)
trends-first-call = Time from a new lead to its first call (median)
trends-today = today
trends-this-week = last 7 days
trends-minutes = { $minutes } min
trends-cities = Cities whose orders come back most
trends-products = Products that come back most
trends-no-returns = No order came back.
trends-returned-of = { $returned } returned of { $ended } ({ $percent }%)
trends-revenue = Delivered revenue per week
desk-newest-first = Newest first
desk-arrived-title = New leads on the desk
desk-arrived-body = { $count } new leads joined the queue.
copy-syncing-page = syncing: page { $page } of { $pages }…
typed-path-title = Where to save the export
typed-path-why = No file dialog can open on this desktop (no desktop portal and no zenity): type the file's path. A name ending in .csv writes CSV; any other, an Excel workbook.
typed-path-save = Save
typed-path-replace = Replace it
typed-path-empty = Type where to save the file.
typed-path-exists = { $path } already exists: press “Replace it” to write over it, or change the name.
typed-path-no-folder = The folder { $folder } does not exist.
no-file-dialog = No file dialog can open on this desktop (no desktop portal and no zenity): type the file's path in the field above, or drop the file on the window.

## The seller tabs: products and stock, payouts, sourcing (issue 25)
products-tab = Products
payouts-tab = Payouts
sourcing-tab = Sourcing
products-search = Search a product by name or SKU (Ctrl+F)
products-count = { $count ->
    [one] 1 product
   *[other] { $count } products
} · { $low } low · { $out } out of stock
column-name = Name
column-sku = SKU
column-price = Price
column-stock = Stock
column-warehouses = Warehouses
column-amount = Amount
column-payment-method = Payment method
column-month = Month
column-count = Invoices
column-paid = Paid
column-quantity = Quantity
stock-low = low
stock-out = out
stock-unknown = Stock not known (the token may not read stocks)
stock-warning-out = Out of stock: { $product }. Confirming it will likely end in a cancellation.
stock-warning-low = { $product }: { $left } left after this lead (warning at { $warning }).
product-description = Description
product-discount = Discount
product-free-shipping = Free shipping
yes = Yes
no = No
payouts-count = { $count ->
    [one] 1 invoice
   *[other] { $count } invoices
}
payouts-invoices = { $count ->
    [one] 1 invoice
   *[other] { $count } invoices
}
payouts-all = All invoices
payouts-by-month = By month
payouts-exported = { $count ->
    [one] 1 invoice written to { $path }.
   *[other] { $count } invoices written to { $path }.
}
status-paid = Paid
status-pending = Pending
status-processing = Processing
status-in_progress = In progress
status-completed = Completed
status-rejected = Rejected
status-active = Active
status-inactive = Inactive
payment-bank_transfer = Bank transfer
payment-cash = Cash
payment-cheque = Cheque
sourcing-count = { $count ->
    [one] 1 sourcing request
   *[other] { $count } sourcing requests
}
sourcing-none = No sourcing request yet.
sourcing-new = New sourcing request
sourcing-why = Ask WedoCOD to find and stock a product for you. The name must be new: a request already sent with this name is refused.
sourcing-name = Product name
sourcing-quantity = Quantity (optional)
sourcing-note = Note (optional)
sourcing-send = Send the request
sourcing-sending = Sending…
sourcing-sent = Request { $reference } sent.
sourcing-name-needed = Give the product's name (3 characters at least).
sourcing-quantity-whole = A whole number greater than 0.
