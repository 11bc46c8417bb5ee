// Dragging a paper from the list onto the paper pane relates the two. The
// drag carries the paper's id under our own type, so only our rows can drop.
export const PAPER_DRAG_TYPE = 'application/x-offprint-paper'
