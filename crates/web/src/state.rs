//! What every handler can reach.

use std::sync::Arc;

use praxis_app::Context;

/// HTTP settings owned by this crate.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// Mark cookies `Secure` and send HSTS (true when the public address is `https://`).
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
    /// The largest request body accepted, in bytes.
    pub max_body_bytes: usize,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            trust_forwarded_for: false,
            max_body_bytes: 256 * 1024,
        }
    }
}

/// Shared state: the use-case context and the HTTP settings.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The use cases' context.
    pub ctx: Context,
    /// HTTP settings.
    pub http: Arc<HttpConfig>,
}

impl AppState {
    /// State over a context.
    pub fn new(ctx: Context, http: HttpConfig) -> Self {
        Self {
            ctx,
            http: Arc::new(http),
        }
    }
}
