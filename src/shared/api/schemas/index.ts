// Runtime schemas for every API method's argument, one file per feature,
// checked in main before the core sees a call. Together they must cover
// `apiMethods` exactly: a missing method is a compile error here, a misspelled
// one in its feature's file.
import type { z } from 'zod'
import type { ApiMethod } from '../methods'
import { citationArgs } from './citations'
import { attachmentArgs } from './attachments'
import { duplicateArgs } from './duplicates'
import { exportArgs } from './exports'
import { feedArgs } from './feeds'
import { graphArgs } from './graph'
import { importArgs } from './imports'
import { libraryArgs } from './library'
import { linkArgs } from './links'
import { noteArgs } from './notes'
import { onlineArgs } from './online'
import { organizeArgs } from './organize'
import { paperArgs } from './papers'
import { settingsArgs } from './settings'
import { syncArgs } from './sync'

export const apiArgs = {
  ...libraryArgs,
  ...paperArgs,
  ...importArgs,
  ...onlineArgs,
  ...duplicateArgs,
  ...exportArgs,
  ...noteArgs,
  ...organizeArgs,
  ...linkArgs,
  ...settingsArgs,
  ...citationArgs,
  ...syncArgs,
  ...feedArgs,
  ...attachmentArgs,
  ...graphArgs,
} satisfies { [M in ApiMethod]: z.ZodType }

export * from '../limits'
export { idSchema, listScopeSchema } from './common'
export { dailyPeriodSchema } from './online'
export { readSettings, settingSchemas, settingsPatchSchema } from './settings'
