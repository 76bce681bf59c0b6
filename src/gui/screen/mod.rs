//! One module per screen. The open store is one screen (`store`) whose tabs are screens of
//! their own inside it; the import screen stands beside it because it also works without a
//! store, and outlives the store it was opened on.

pub mod connect;
pub mod import;
pub mod profiles;
pub mod settings;
pub mod store;
pub mod welcome;
