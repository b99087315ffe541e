// Projects as archives: downloads of a revision or of the whole repository (download/),
// and projects created from an uploaded zip or tar.gz (upload/).
export {};
