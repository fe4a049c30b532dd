//! The timeline drawn as a sequence diagram in SVG: a lane per browser and one for the server,
//! an arrow pair per exchange with the `Cookie` and `Set-Cookie` headers written on the arrows,
//! markers for close, open and cookie edits, bands for clock jumps. Every position and every word
//! comes from [`crate::ui::sequence::layout`]; this component only draws it.
//!
//! Each entry is a focusable group (Tab reaches it, Enter or Space selects it, its accessible
//! name is the entry's summary). Text is given to Yew as text nodes, which it escapes: cookie
//! values are the attacker's to choose.

use yew::prelude::*;

use crate::ui::sequence::{
    self, Arrow, FONT_SIZE, HEAD_HEIGHT, LANE_HEAD_BOX_HEIGHT, LANE_HEAD_WIDTH, Label, Lane, Rect,
    Row,
};
use std::rc::Rc;

use crate::ui::shared_log::SharedLog;
use crate::ui::state::TimelineEntry;

/// Props of [`SequenceDiagram`].
#[derive(Properties, PartialEq)]
pub struct SequenceDiagramProps {
    /// The timeline, oldest first.
    pub entries: SharedLog<Rc<TimelineEntry>>,
    /// The profiles that exist now, in order (each gets a lane).
    pub profiles: Vec<String>,
    /// The timeline index of the selected entry, if any.
    pub selected: Option<usize>,
    /// Called with an entry's timeline index when it is clicked or chosen with the keyboard.
    pub on_select: Callback<usize>,
}

/// The sequence diagram: lane heads that stay in view, and the rows below them.
#[function_component(SequenceDiagram)]
pub fn sequence_diagram(props: &SequenceDiagramProps) -> Html {
    // Laid out again only when the timeline or the lanes change (typing in the editor re-renders
    // the page; comparing a shared timeline is comparing pointers).
    // Each row behind an `Rc`: handing it to its component copies nothing.
    let laid_out = use_memo(
        (props.entries.clone(), props.profiles.clone()),
        |(entries, profiles)| {
            let mut diagram = sequence::layout(&entries.slice(), profiles);
            let rows: Vec<Rc<Row>> = std::mem::take(&mut diagram.rows)
                .into_iter()
                .map(Rc::new)
                .collect();
            (diagram, rows)
        },
    );
    let (diagram, rows) = (&laid_out.0, &laid_out.1);
    let lane_names: Vec<&str> = diagram
        .lanes
        .iter()
        .map(|lane| lane.name.as_str())
        .collect();
    let heads_name = format!("Lanes: {}", lane_names.join(", "));
    let font_size = FONT_SIZE.to_string();
    html! {
        <div class="seq">
            <svg class="seq-head" viewBox={view_box(diagram.width, HEAD_HEIGHT)} font-size={font_size.clone()} width={diagram.width.to_string()}
                role="img" aria-label={heads_name}>
                { for diagram.lanes.iter().map(lane_head) }
            </svg>
            <svg class="seq-body" viewBox={view_box(diagram.width, diagram.height)} font-size={font_size} width={diagram.width.to_string()}
                role="group" aria-label="The timeline as a sequence diagram">
                { for diagram.lanes.iter().map(lifeline) }
                { for rows.iter().map(|row| html! {
                    <SeqRow key={row.entry} row={row.clone()} width={diagram.width}
                        selected={props.selected == Some(row.entry)} on_select={props.on_select.clone()} />
                }) }
                if let Some(hint) = &diagram.empty_hint { { label_view(hint) } }
            </svg>
        </div>
    }
}

fn view_box(width: f32, height: f32) -> String {
    format!("0 0 {width} {height}")
}

fn lane_head(lane: &Lane) -> Html {
    let class = classes!("seq-lane-head", lane.is_server.then_some("seq-server"));
    let top = (HEAD_HEIGHT - LANE_HEAD_BOX_HEIGHT) / 2.0;
    html! {
        <g class={class}>
            <title>{ &lane.name }</title>
            <rect x={(lane.x - LANE_HEAD_WIDTH / 2.0).to_string()} y={top.to_string()}
                width={LANE_HEAD_WIDTH.to_string()} height={LANE_HEAD_BOX_HEIGHT.to_string()} rx="4" />
            <text x={lane.x.to_string()} y={(HEAD_HEIGHT / 2.0 + FONT_SIZE / 3.0).to_string()} text-anchor="middle">
                { &lane.head }
            </text>
        </g>
    }
}

fn lifeline(lane: &Lane) -> Html {
    html! {
        <g class="seq-lifeline">
            { for lane.lifeline.iter().map(|segment| html! {
                <line class={classes!("seq-lifeline-piece", segment.closed.then_some("seq-closed"))}
                    x1={lane.x.to_string()} x2={lane.x.to_string()}
                    y1={segment.top.to_string()} y2={segment.bottom.to_string()} />
            }) }
        </g>
    }
}

#[derive(Properties, PartialEq)]
struct SeqRowProps {
    row: Rc<Row>,
    width: f32,
    selected: bool,
    on_select: Callback<usize>,
}

/// One entry's row: a component of its own so that a new entry renders one row, not every
/// row of a long history (its props are compared, and a laid-out row rarely changes).
#[function_component(SeqRow)]
fn seq_row(props: &SeqRowProps) -> Html {
    let (row, selected) = (&props.row, props.selected);
    let index = row.entry;
    let on_click = props.on_select.reform(move |_: MouseEvent| index);
    let on_key = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: KeyboardEvent| {
            if matches!(event.key().as_str(), "Enter" | " ") {
                event.prevent_default();
                on_select.emit(index);
            }
        })
    };
    let background = Rect {
        x: 0.0,
        y: row.top,
        width: props.width,
        height: row.height,
    };
    // The focusable row holds only its background: what is drawn on it sits beside it, hidden
    // from assistive technology, so the row's name is its summary alone (a name that leaves out
    // text drawn inside a button is a mismatch for speech input). A click anywhere on the row,
    // drawing included, reaches the outer group.
    html! {
        <g class={classes!("seq-row", selected.then_some("selected"))} onclick={on_click}>
            <g class={classes!("seq-entry", selected.then_some("selected"))} data-entry={index.to_string()}
                tabindex="0" role="button" aria-pressed={selected.to_string()} aria-label={row.accessible_name.clone()}
                onkeydown={on_key}>
                { rect_view(&background, "seq-row-bg") }
            </g>
            <g class="seq-drawing" aria-hidden="true">
                if let Some(band) = &row.band { { rect_view(band, "seq-band") } }
                { for row.arrows.iter().map(arrow_view) }
                { for row.boxes.iter().map(|marker| rect_view(marker, "seq-marker")) }
                { for row.labels.iter().map(label_view) }
            </g>
        </g>
    }
}

fn rect_view(rect: &Rect, class: &'static str) -> Html {
    html! {
        <rect class={class} x={rect.x.to_string()} y={rect.y.to_string()}
            width={rect.width.to_string()} height={rect.height.to_string()} rx="3" />
    }
}

fn arrow_view(arrow: &Arrow) -> Html {
    let head: Vec<String> = arrow
        .head()
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect();
    let class = classes!("seq-arrow", arrow.response.then_some("seq-response"));
    html! {
        <g class={class}>
            <line x1={arrow.from_x.to_string()} x2={arrow.to_x.to_string()}
                y1={arrow.y.to_string()} y2={arrow.y.to_string()} />
            <polygon points={head.join(" ")} />
        </g>
    }
}

fn label_view(label: &Label) -> Html {
    html! {
        // The row names itself (its aria-label says the same, in words); the drawing around the
        // labels is hidden from assistive technology (see `row_view`).
        <text class={classes!("seq-label", label.style.class())} x={label.x.to_string()} y={label.y.to_string()}
            text-anchor={label.anchor.as_str()}>
            <title>{ &label.full }</title>
            { &label.text }
        </text>
    }
}
