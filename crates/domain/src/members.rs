//! Members: the people of the network, their credentials and their profiles.

pub mod credentials;
pub mod profile;
