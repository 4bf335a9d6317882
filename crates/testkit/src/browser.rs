//! A browser for tests: keeps cookies, never follows redirects, sends the CSRF token with
//! forms the way a page's form would, and reads pages through CSS selectors.

use std::sync::Arc;

use reqwest::cookie::{CookieStore as _, Jar};
use reqwest::header::HeaderMap;
use reqwest::{Client, StatusCode};
use scraper::{Html, Selector};

use crate::TestMember;

/// A client with its own cookie jar.
pub struct Browser {
    base: String,
    jar: Arc<Jar>,
    client: Client,
}

/// A response, read fully.
#[derive(Debug)]
pub struct Page {
    /// HTTP status.
    pub status: StatusCode,
    /// Response headers.
    pub headers: HeaderMap,
    /// The body as text.
    pub body: String,
}

impl Page {
    /// The `Location` of a redirect.
    pub fn location(&self) -> Option<&str> {
        self.headers.get("location").and_then(|v| v.to_str().ok())
    }

    /// The body parsed as HTML.
    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    /// True when an element matches `selector`.
    pub fn has(&self, selector: &str) -> bool {
        let selector = Selector::parse(selector).expect("a valid selector");
        self.html().select(&selector).next().is_some()
    }

    /// The text of the first element matching `selector` (empty when none).
    pub fn text(&self, selector: &str) -> String {
        let selector = Selector::parse(selector).expect("a valid selector");
        self.html()
            .select(&selector)
            .next()
            .map(|e| e.text().collect::<String>().trim().to_owned())
            .unwrap_or_default()
    }

    /// How many elements match `selector`.
    pub fn count(&self, selector: &str) -> usize {
        let selector = Selector::parse(selector).expect("a valid selector");
        self.html().select(&selector).count()
    }

    /// An attribute of the first element matching `selector`.
    pub fn attr(&self, selector: &str, name: &str) -> Option<String> {
        let selector = Selector::parse(selector).expect("a valid selector");
        self.html()
            .select(&selector)
            .next()
            .and_then(|e| e.value().attr(name))
            .map(str::to_owned)
    }

    /// The body parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

impl Browser {
    /// A browser for the site at `base`.
    pub fn new(base: &str) -> Self {
        let jar = Arc::new(Jar::default());
        let client = Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("building an HTTP client");
        Self {
            base: base.to_owned(),
            jar,
            client,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    async fn read(response: reqwest::Response) -> Page {
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.text().await.expect("reading a body");
        Page {
            status,
            headers,
            body,
        }
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Page {
        Self::read(self.client.get(self.url(path)).send().await.expect("GET")).await
    }

    /// `GET path` with extra headers.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = self.client.get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Self::read(request.send().await.expect("GET")).await
    }

    /// The value of a cookie the site set.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let url = self.base.parse().expect("a base URL");
        let header = self.jar.cookies(&url)?;
        header
            .to_str()
            .ok()?
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_owned())
    }

    /// Submits a form as a page would: with the CSRF token from the site's cookie (visiting
    /// the home page first if the browser has none yet).
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        if self.cookie("praxis_csrf").is_none() {
            self.get("/").await;
        }
        let token = self
            .cookie("praxis_csrf")
            .expect("the site sets a CSRF cookie");
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_form_without_csrf(path, &all).await
    }

    /// Submits a form with its CSRF token and extra headers (an `Origin`, say).
    pub async fn post_form_with(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Page {
        if self.cookie("praxis_csrf").is_none() {
            self.get("/").await;
        }
        let token = self
            .cookie("praxis_csrf")
            .expect("the site sets a CSRF cookie");
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        let body: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&all)
            .finish();
        let mut request = self
            .client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Self::read(request.send().await.expect("POST")).await
    }

    /// Submits exactly these fields (to test forged forms).
    pub async fn post_form_without_csrf(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let body: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let response = self
            .client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .expect("POST");
        Self::read(response).await
    }

    /// Uploads a file with a `multipart/form-data` form as a page would (CSRF token included
    /// unless `with_csrf` is false).
    pub async fn upload(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file_name: &str,
        file: Vec<u8>,
        with_csrf: bool,
    ) -> Page {
        if self.cookie("praxis_csrf").is_none() {
            self.get("/").await;
        }
        let mut form = reqwest::multipart::Form::new();
        if with_csrf {
            form = form.text(
                "csrf_token",
                self.cookie("praxis_csrf").expect("a CSRF cookie"),
            );
        }
        for (name, value) in fields {
            form = form.text((*name).to_owned(), (*value).to_owned());
        }
        form = form.part(
            "file",
            reqwest::multipart::Part::bytes(file).file_name(file_name.to_owned()),
        );
        Self::read(
            self.client
                .post(self.url(path))
                .multipart(form)
                .send()
                .await
                .expect("upload"),
        )
        .await
    }

    /// A request as the site's own scripts send it: with the CSRF header copied from the
    /// site's cookie (when the browser has one).
    fn request(&self, method: &str, path: &str) -> reqwest::RequestBuilder {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("an HTTP method");
        let request = self.client.request(method, self.url(path));
        match self.cookie("praxis_csrf") {
            Some(token) => request.header("x-csrf-token", token),
            None => request,
        }
    }

    /// A JSON request with this browser's cookies and optional bearer token.
    pub async fn api(
        &self,
        method: &str,
        path: &str,
        bearer: Option<&str>,
        body: Option<serde_json::Value>,
    ) -> Page {
        let mut request = self.request(method, path);
        if let Some(token) = bearer {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(body.to_string());
        }
        Self::read(request.send().await.expect("API request")).await
    }

    /// `GET path`, the body kept as bytes (downloads).
    pub async fn get_bytes(&self, path: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
        let response = self.client.get(self.url(path)).send().await.expect("GET");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.expect("reading a body").to_vec();
        (status, headers, body)
    }

    /// A request with a binary body (API uploads), with this browser's cookies.
    pub async fn api_bytes(&self, method: &str, path: &str, body: Vec<u8>) -> Page {
        let response = self
            .request(method, path)
            .header("content-type", "application/octet-stream")
            .body(body)
            .send()
            .await
            .expect("API request");
        Self::read(response).await
    }

    /// A raw request body with a content type (for malformed-input tests).
    pub async fn api_raw(&self, method: &str, path: &str, content_type: &str, body: &str) -> Page {
        let response = self
            .request(method, path)
            .header("content-type", content_type)
            .body(body.to_owned())
            .send()
            .await
            .expect("API request");
        Self::read(response).await
    }

    /// A request another site's page could make with this browser's cookies: no CSRF header.
    pub async fn forged_api(
        &self,
        method: &str,
        path: &str,
        content_type: &str,
        body: &str,
    ) -> Page {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("an HTTP method");
        let response = self
            .client
            .request(method, self.url(path))
            .header("content-type", content_type)
            .body(body.to_owned())
            .send()
            .await
            .expect("API request");
        Self::read(response).await
    }

    /// A request without a body, with extra headers (an `Origin`, say).
    pub async fn api_with_headers(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
    ) -> Page {
        let mut request = self.request(method, path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Self::read(request.send().await.expect("API request")).await
    }

    /// Signs in through the log-in form and checks that it worked.
    pub async fn sign_in(&self, member: &TestMember) {
        let page = self.log_in(&member.email, &member.password).await;
        assert_eq!(
            page.status,
            StatusCode::SEE_OTHER,
            "signing in failed: {}",
            page.body
        );
        // A browser follows the redirect to a page, which hands it a new CSRF token (the
        // old one ended with the log-in).
        self.get(page.location().unwrap_or("/")).await;
    }

    /// Submits the log-in form.
    pub async fn log_in(&self, email: &str, password: &str) -> Page {
        self.post_form("/login", &[("email", email), ("password", password)])
            .await
    }

    /// Submits the sign-up form.
    pub async fn sign_up(&self, email: &str, password: &str, display_name: &str) -> Page {
        self.post_form(
            "/signup",
            &[
                ("email", email),
                ("password", password),
                ("display_name", display_name),
            ],
        )
        .await
    }
}
