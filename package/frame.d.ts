// labelcost/frame sizes each iframe[data-labelcost] on the page to its
// content; importing it is all there is to do.
export {};
