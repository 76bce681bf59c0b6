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
export-cancelled = The export was cancelled: no file was written.
export-pages-repeat = The server sent page { $page } again: it seems to ignore the page asked for. No file was written.
export-write-failed = Cannot write { $path }: { $reason }
