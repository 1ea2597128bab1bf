//! A yew application that shows the status widget in its own header, through the library's
//! `StatusWidget` component rather than the custom element.

#[cfg(target_arch = "wasm32")]
mod app {
    use status_widget::config::Config;
    use status_widget::events::WidgetEvent;
    use status_widget::StatusWidget;
    use yew::prelude::*;

    #[function_component]
    pub fn HostApp() -> Html {
        // The same settings as the element's attributes, from one place.
        let settings = [("components", "America East"), ("time-zone", "UTC")];
        let config = Config::from_lookup(|name| {
            settings.iter().find(|(key, _)| *key == name).map(|(_, value)| value.to_string())
        })
        .0;
        let last_event = use_state(|| String::from("none yet"));
        let on_event = {
            let last_event = last_event.setter();
            Callback::from(move |event: WidgetEvent| last_event.set(event.name().to_owned()))
        };
        html! {
            <div class="host">
                <header class="host__header">
                    <strong>{ "Yew host app" }</strong>
                    <span class="host__event">{ format!("last widget event: {}", *last_event) }</span>
                </header>
                <StatusWidget {config} on_event={Some(on_event)} />
                <p>{ "The widget above is a yew component inside this yew app." }</p>
            </div>
        }
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        status_widget::adopt_styles_into_document();
        yew::Renderer::<app::HostApp>::new().render();
    }
}
