//! Field-level validation results shared by every form and API request.
//!
//! A field error carries a stable message *key*, not prose: the web layer translates it, so
//! the same failure reads well in English and in Arabic.

/// One invalid field: its name as the form or JSON body spells it, and a message key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    field: String,
    key: &'static str,
}

impl FieldError {
    /// A field error for `field` with the translation key `key` (e.g. `error-email-invalid`).
    pub fn new(field: impl Into<String>, key: &'static str) -> Self {
        Self {
            field: field.into(),
            key,
        }
    }

    /// The field's name as the client sent it.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The translation key of the message.
    pub fn key(&self) -> &'static str {
        self.key
    }
}

/// All the invalid fields of one submission, in the order they were found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    /// No errors yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// A single error.
    pub fn single(field: impl Into<String>, key: &'static str) -> Self {
        Self(vec![FieldError::new(field, key)])
    }

    /// Records an error.
    pub fn add(&mut self, field: impl Into<String>, key: &'static str) {
        self.0.push(FieldError::new(field, key));
    }

    /// Keeps the value of `result`, or records its error under `field`.
    pub fn check<T, E: Into<&'static str>>(
        &mut self,
        field: &str,
        result: Result<T, E>,
    ) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.add(field, error.into());
                None
            }
        }
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The recorded errors.
    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }

    /// The message key for `field`, if it has an error.
    pub fn key_for(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.key)
    }

    /// `Ok(value)` when nothing was recorded, else the errors.
    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }
}
