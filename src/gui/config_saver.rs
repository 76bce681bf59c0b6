//! Saves the settings file off the window's thread. Saves run on tokio's blocking pool,
//! where two of them may overlap or finish out of order; each carries a number, they take
//! turns on one lock, and a save that finds a newer one already written gives up: the
//! file always ends with the newest settings, never an older copy.

use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use crate::gui::blocking::off_the_window;
use wedocod_core::config::Config;

#[derive(Debug)]
pub struct ConfigSaver {
    path: PathBuf,
    /// The number of the newest save written so far.
    written: Arc<Mutex<u64>>,
    /// The number of the newest save asked for.
    asked: u64,
}

impl ConfigSaver {
    pub fn new(path: PathBuf) -> ConfigSaver {
        ConfigSaver {
            path,
            written: Arc::new(Mutex::new(0)),
            asked: 0,
        }
    }

    /// Saves this copy of `config`; the error, if any, is the sentence to show.
    pub fn save(&mut self, config: &Config) -> impl Future<Output = Result<(), String>> + use<> {
        self.asked += 1;
        let number = self.asked;
        let config = config.clone();
        let path = self.path.clone();
        let written = Arc::clone(&self.written);
        off_the_window(move || {
            let mut newest = written.lock().unwrap_or_else(PoisonError::into_inner);
            if *newest > number {
                return Ok(());
            }
            config.save_to(&path).map_err(|error| error.to_string())?;
            *newest = number;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_older_save_finishing_last_leaves_the_newer_settings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let mut saver = ConfigSaver::new(path.clone());
        let mut config = Config {
            page_size: 100,
            ..Config::default()
        };
        let older = saver.save(&config);
        config.page_size = 25;
        let newer = saver.save(&config);
        newer.await.unwrap();
        older.await.unwrap();
        assert_eq!(Config::load_from(&path).config.page_size, 25);
    }
}
