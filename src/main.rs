//! The standalone status page (built by Trunk from `index.html`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    status_widget::standalone::start();
}
