//! One component per file; each takes data and callbacks as props and never sees the reducer.

pub mod browser_pane;
pub mod check_hand_ins;
pub mod clock;
pub mod cookie_table;
pub mod devtools;
pub mod editor;
pub mod embed_bar;
pub mod engine_bar;
pub mod forge_tools;
pub mod hand_in;
pub mod header;
pub mod help_dialog;
pub mod lesson_builder;
pub mod lesson_panel;
pub mod network;
pub mod page_view;
pub mod project_files;
pub mod script_panel;
pub mod sequence_diagram;
pub mod server_pane;
pub mod server_session;
pub mod session_view;
pub mod step_through;
pub mod teach_menu;
pub mod timeline;
pub mod welcome;
