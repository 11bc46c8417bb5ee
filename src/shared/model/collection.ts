// Collections: the record, and the forms the sidebar, the paper pane and the export dialog show.

/** A named group of papers. Collections nest; a paper can be in any number of them. */
export interface Collection {
  id: string
  name: string
  /** The enclosing collection; absent at the top level. */
  parentId?: string
  /** Order among its siblings (ascending). */
  position: number
  paperIds: string[]
  createdAt: string
  updatedAt: string
  trashedAt?: string
}

/** A collection as the sidebar shows it. */
export interface CollectionNode {
  id: string
  name: string
  parentId?: string
  position: number
  /** Papers directly in it that are not in the Trash. */
  paperCount: number
}

/** Where a paper is filed: a collection and the names of its ancestors. */
export interface CollectionRef {
  id: string
  name: string
  /** Names from the top level down to this collection, itself included. */
  path: string[]
}

/** A collection as the export dialog lists it: depth-first, with its depth for indenting. */
export interface CollectionChoice {
  id: string
  name: string
  depth: number
  paperCount: number
}
