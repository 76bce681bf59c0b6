//! The seller API's tabs beside leads and orders: the catalogue with its stock
//! (`products`), the invoices WedoCOD pays by (`payouts`), and sourcing requests
//! (`sourcing`). Each reads its list whole, from the local copy when a sync has read it
//! (`listed`).

mod listed;
pub mod payouts;
pub mod products;
pub mod sourcing;

use iced::Task;

/// What a seller tab asks of the store's screen.
pub enum Action<Message> {
    None,
    Run(Task<Message>),
    /// A 401: the token must be pasted again.
    ReplaceToken,
}
