//! The Cookies table, like the Application tab of Chrome's dev tools: every attribute of every
//! cookie in the active profile's jar, with the value editable in place (double-click or Edit;
//! Enter saves, Escape cancels), a Delete button and "copy to" per row — name, value and actions
//! first, the other attributes on a details row below, so nothing hides off to the right —, a row to add a
//! session cookie by hand.

use yew::prelude::*;

use crate::browser::Cookie;
use crate::browser::clock::format_instant;
use crate::ui::state::Action;

/// Props of [`CookieTable`].
#[derive(Properties, PartialEq)]
pub struct CookieTableProps {
    /// The cookies to list (unexpired, in creation order).
    pub cookies: Vec<Cookie>,
    /// The other profiles a cookie can be copied into.
    pub other_profiles: Vec<String>,
    /// Dispatches workspace actions.
    pub on_action: Callback<Action>,
}

/// The cookie table.
#[function_component(CookieTable)]
pub fn cookie_table(props: &CookieTableProps) -> Html {
    html! {
        <table data-testid="cookie-jar" class="cookie-jar">
            <thead>
                <tr>
                    <th scope="col" class="cookie-name-head">{ "Name" }</th>
                    <th scope="col">{ "Value" }</th>
                    <th scope="col" class="cookie-actions-head">{ "Actions" }</th>
                </tr>
            </thead>
            <tbody>
                { for props.cookies.iter().map(|cookie| html! {
                    <CookieRow
                        key={format!("{}\u{0}{}\u{0}{}", cookie.name, cookie.domain, cookie.path)}
                        cookie={cookie.clone()}
                        other_profiles={props.other_profiles.clone()}
                        on_action={props.on_action.clone()}
                    />
                }) }
            </tbody>
            <tfoot>
                <AddCookieRow on_action={props.on_action.clone()} />
            </tfoot>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct AddCookieRowProps {
    on_action: Callback<Action>,
}

/// Name and value inputs and an Add button: a session cookie for `/`, as Chrome's dev tools add.
#[function_component(AddCookieRow)]
fn add_cookie_row(props: &AddCookieRowProps) -> Html {
    let name = use_node_ref();
    let value = use_node_ref();
    let add = {
        let (name, value) = (name.clone(), value.clone());
        let on_action = props.on_action.clone();
        move || {
            let (Some(name), Some(value)) = (
                name.cast::<web_sys::HtmlInputElement>(),
                value.cast::<web_sys::HtmlInputElement>(),
            ) else {
                return;
            };
            on_action.emit(Action::AddCookie {
                name: name.value().trim().to_string(),
                value: value.value(),
            });
            if crate::ui::state::check_cookie_name(name.value().trim()).is_ok() {
                name.set_value("");
                value.set_value("");
                let _ = name.focus();
            }
        }
    };
    let on_click = {
        let add = add.clone();
        Callback::from(move |_: MouseEvent| add())
    };
    let on_key = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" {
            add();
        }
    });
    html! {
        <tr class="cookie-add">
            <td><input ref={name} class="cookie-add-name" placeholder="name" aria-label="Name of a new cookie" onkeydown={on_key.clone()} /></td>
            <td><input ref={value} class="cookie-add-value" placeholder="value" aria-label="Value of the new cookie" onkeydown={on_key} /></td>
            <td class="cookie-actions"><button class="small" onclick={on_click}>{ "Add" }</button></td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct CookieRowProps {
    cookie: Cookie,
    other_profiles: Vec<String>,
    on_action: Callback<Action>,
}

#[function_component(CookieRow)]
fn cookie_row(props: &CookieRowProps) -> Html {
    let editing = use_state(|| false);
    let input = use_node_ref();
    {
        let input = input.clone();
        let value = props.cookie.value.clone();
        use_effect_with(*editing, move |editing| {
            if *editing && let Some(element) = input.cast::<web_sys::HtmlInputElement>() {
                // Written once when editing starts, not on every render, so a re-render
                // (the reloader, the clock) never resets what is being typed.
                element.set_value(&value);
                let _ = element.focus();
                element.select();
            }
        });
    }
    let cookie = &props.cookie;
    let start_edit = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    let on_key = {
        let editing = editing.clone();
        let key = cookie.key();
        let on_action = props.on_action.clone();
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Enter" => {
                let element: web_sys::HtmlInputElement = event.target_unchecked_into();
                on_action.emit(Action::EditCookie {
                    key: key.clone(),
                    value: element.value(),
                });
                editing.set(false);
            }
            "Escape" => editing.set(false),
            _ => {}
        })
    };
    let on_blur = {
        let editing = editing.clone();
        Callback::from(move |_: FocusEvent| editing.set(false))
    };
    let on_delete = {
        let key = cookie.key();
        props
            .on_action
            .reform(move |_: MouseEvent| Action::DeleteCookie(key.clone()))
    };
    let on_copy = {
        let key = cookie.key();
        props.on_action.reform(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            let to = select.value();
            select.set_value("");
            Action::CopyCookie {
                key: key.clone(),
                to,
            }
        })
    };
    let expires = cookie
        .expires
        .map(format_instant)
        .unwrap_or_else(|| "Session".to_string());
    let size = cookie.name.len() + cookie.value.len();
    let domain = if cookie.host_only {
        cookie.domain.clone()
    } else {
        format!(".{}", cookie.domain)
    };
    let flag = |name: &'static str, on: bool| {
        html! {
            <span class={classes!("flag", on.then_some("on"))}>{ name }{ if on { " \u{2713}" } else { " \u{2717}" } }</span>
        }
    };

    html! {
        <>
        <tr data-testid="cookie-row" data-cookie-name={cookie.name.clone()}>
            <td class="cookie-name">{ &cookie.name }</td>
            if *editing {
                <td class="cookie-value-cell">
                    <input
                        ref={input}
                        class="cookie-value-input"
                        aria-label={format!("Value of cookie {}", cookie.name)}
                        onkeydown={on_key}
                        onblur={on_blur}
                    />
                </td>
            } else {
                <td data-testid="cookie-value" class="cookie-value" title={cookie.value.clone()}
                    ondblclick={start_edit.clone()}>
                    { &cookie.value }
                </td>
            }
            <td class="cookie-actions">
                <button class="small" onclick={start_edit} aria-label={format!("Edit cookie {}", cookie.name)}>{ "Edit" }</button>
                <button class="small" onclick={on_delete} aria-label={format!("Delete cookie {}", cookie.name)}>{ "Delete" }</button>
                if !props.other_profiles.is_empty() {
                    <select class="small" onchange={on_copy} aria-label={format!("Copy cookie {} into another browser", cookie.name)}>
                        <option value="" selected=true>{ "Copy to…" }</option>
                        { for props.other_profiles.iter().map(|name| html! { <option value={name.clone()}>{ name }</option> }) }
                    </select>
                }
            </td>
        </tr>
        <tr class="cookie-details" data-cookie-details={cookie.name.clone()}>
            <td colspan="3">
                <span class="cookie-attr"><span class="attr-name">{ "Domain " }</span>{ domain }</span>
                <span class="cookie-attr"><span class="attr-name">{ "Path " }</span>{ &cookie.path }</span>
                <span class="cookie-attr"><span class="attr-name">{ "Expires " }</span>{ expires }</span>
                <span class="cookie-attr"><span class="attr-name">{ "Size " }</span>{ size }</span>
                { flag("HttpOnly", cookie.http_only) }
                { flag("Secure", cookie.secure) }
                <span class="cookie-attr"><span class="attr-name">{ "SameSite " }</span>{ cookie.same_site.to_string() }</span>
            </td>
        </tr>
        </>
    }
}
