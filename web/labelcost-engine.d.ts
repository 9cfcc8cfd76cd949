// Types only: the Emscripten glue the build writes beside the page's modules
// (build/site/labelcost-engine.js), whose default export is the factory.
declare const createLabelcostModule: import('./engine.js').Factory;
export default createLabelcostModule;
