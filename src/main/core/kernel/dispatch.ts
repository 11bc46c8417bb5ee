// The one entry point from the outside world into the library: Electron's
// ipc.ts, the browser test harness and the CLI all call through here, so
// argument validation happens in exactly one place. Whatever arrives (an unknown
// method, null, a string where an object belongs) comes back as an ApiResponse
// envelope; this function never throws.
import { apiArgs } from '../../../shared/api/schemas'
import type {
  ApiArgs,
  ApiError,
  ApiErrorCode,
  ApiMethod,
  ApiResponse,
  ApiResults,
  LibraryApi,
} from '../../../shared/api'
import { apiErrorCodeOf, messageOf } from './errors'
import { summarizeIssues } from './issueSummary'

export type ApiDispatch = (method: string, args: unknown) => Promise<ApiResponse<unknown>>

export function isApiMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && Object.hasOwn(apiArgs, method)
}

/** Validates `args` for `method`, runs it on `library`, and wraps the outcome. */
export function createDispatcher(library: LibraryApi): ApiDispatch {
  return async (method, args) => {
    try {
      if (!isApiMethod(method)) {
        const shown = typeof method === 'string' ? JSON.stringify(method.slice(0, 100)) : 'name'
        return failure('unknown-method', `Unknown API method ${shown}`)
      }
      const parsed = apiArgs[method].safeParse(args)
      if (!parsed.success) {
        return failure(
          'invalid-arguments',
          `Invalid arguments for ${method}: ${summarizeIssues(parsed.error.issues)}`,
        )
      }
      const value: unknown = await invoke(library, method, parsed.data)
      return { ok: true, value }
    } catch (error) {
      return { ok: false, error: toApiError(error) }
    }
  }
}

const dispatchers = new WeakMap<LibraryApi, ApiDispatch>()

/**
 * A typed call through the dispatcher, for in-process callers (CLI, tests):
 * the same validation as over IPC, with the result type of the method.
 */
export async function callApi<M extends ApiMethod>(
  library: LibraryApi,
  method: M,
  args: ApiArgs<M>,
): Promise<ApiResponse<ApiResults[M]>> {
  let dispatch = dispatchers.get(library)
  if (!dispatch) {
    dispatch = createDispatcher(library)
    dispatchers.set(library, dispatch)
  }
  // The dispatcher returned what library[method] resolved to, i.e. ApiResults[M].
  return (await dispatch(method, args)) as ApiResponse<ApiResults[M]>
}

/** Longest error message sent back: a reason, not a dump of the input. */
const MAX_MESSAGE_CHARS = 500

/** The envelope error for anything a method threw: its own code, or 'internal'. */
export function toApiError(error: unknown): ApiError {
  return { code: apiErrorCodeOf(error) ?? 'internal', message: oneLine(messageOf(error)) }
}

/** Messages quote user input (ids, file names): keep them on one line and short. */
function oneLine(message: string): string {
  const line = message.replace(/[\s\u0085\u2028\u2029]+/g, ' ').trim()
  const text = line === '' ? 'Unknown error' : line
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text
}

function invoke<M extends ApiMethod>(
  library: LibraryApi,
  method: M,
  args: ApiArgs<M>,
): Promise<ApiResults[M]> {
  // TypeScript cannot correlate the method with its argument type through a
  // union index, so the lookup is cast; apiArgs[method] has just checked args.
  const run = library[method] as (args: ApiArgs<M>) => Promise<ApiResults[M]>
  return run.call(library, args)
}

function failure(code: ApiErrorCode, message: string): ApiResponse<never> {
  return { ok: false, error: { code, message: oneLine(message) } }
}
