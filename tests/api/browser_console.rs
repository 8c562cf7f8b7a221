//! The reviewers' console in a real headless Chromium (the harness of
//! `browser`): a reviewer signs in with the token, reads an application
//! in the queue on a phone-sized screen, approves it, and anyone checking
//! the number on the home page then sees the green badge.

use crate::browser::{apply_by_api, audit_pages, axe_source, browser, check, DESKTOP, PHONE};
use crate::helpers::*;

const TOKEN: &str = "console-browser-reviewer-secret";

#[tokio::test]
async fn a_reviewer_signs_in_approves_and_the_number_shows_the_green_badge() {
    let Some(b) = browser().await else { return };
    let app = spawn_with(|c| c.reviewer_token = Some(TOKEN.into()), true).await;
    let number = "+34612000999";
    let id = apply_by_api(&app, "Panadería del Sol", number).await;

    // The console sends whoever is not signed in to the sign-in page.
    b.goto(&app, "/console").await;
    b.wait_text("h1", "Reviewer sign-in").await;
    b.type_into("#token", TOKEN).await;
    b.click("#sign-in button[type=submit]").await;

    // The application waits in the queue with its evidence.
    let item = format!("#b-{id}");
    b.wait_text(&item, "Panadería del Sol").await;
    b.wait_text(&item, "+34 612 00 09 99").await;
    b.wait_text(&item, "One-time code").await;
    b.screenshot("console-queue").await;

    // On a phone the page fits the screen: only a table scrolls, in its box.
    b.resize(PHONE).await;
    let fits = b
        .c()
        .execute(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;",
            Vec::new(),
        )
        .await
        .expect("measure");
    assert_eq!(
        fits,
        serde_json::json!(true),
        "the queue is wider than a phone"
    );
    b.screenshot("console-queue-phone").await;
    b.resize(DESKTOP).await;

    b.type_into(&format!("#approve-{id}"), "papers checked")
        .await;
    b.click(&format!("{item} .action-approve button")).await;
    b.wait_text(".notice-ok", "Approved.").await;
    let url = b.c().current_url().await.expect("url");
    assert_eq!(
        (url.path(), url.query()),
        ("/console", Some("done=approved"))
    );

    // Anyone checking the number now sees the green badge and the name.
    b.goto(&app, "/?lang=en").await;
    check(&b, number).await;
    b.wait_text("#result .badge", "Verified business").await;
    b.wait_text("#result", "Panadería del Sol").await;
    b.screenshot("console-approved-home").await;
    let (_, looked) = app.get_json(&format!("/v1/numbers/{number}")).await;
    assert_eq!(looked["status"], "verified");
    b.close().await;
}

/// The console's pages, signed in, in English and Arabic: no serious or
/// critical axe-core violation, nothing wider than a phone.
#[tokio::test]
async fn the_console_passes_axe_in_english_and_arabic() {
    let Some(axe) = axe_source() else { return };
    let Some(b) = browser().await else { return };
    let app = spawn_with(|c| c.reviewer_token = Some(TOKEN.into()), true).await;
    let id = apply_by_api(&app, "Panadería del Sol", "+34612000998").await;
    b.goto(&app, "/console/sign-in").await;
    let mut failures = audit_pages(
        &b,
        &app,
        &axe,
        &[("console-sign-in", "/console/sign-in".to_owned())],
    )
    .await;
    b.goto(&app, "/console/sign-in?lang=en").await;
    b.type_into("#token", TOKEN).await;
    b.click("#sign-in button[type=submit]").await;
    b.wait_text(&format!("#b-{id}"), "Panadería del Sol").await;
    let pages = [
        ("console-queue", "/console".to_owned()),
        ("console-business", format!("/console/business?q={id}")),
        ("console-audit", "/console/audit".to_owned()),
    ];
    failures.extend(audit_pages(&b, &app, &axe, &pages).await);
    b.close().await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
