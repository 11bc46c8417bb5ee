// One-line descriptions of zod validation issues. zod's own error message is a
// multi-line JSON dump; users and logs need "limit: too big (at most 1000)".
import type { z } from 'zod'

type Issue = z.core.$ZodIssue

const MAX_SUMMARY_CHARS = 400

/** The first few issues as one line, each naming the field it is about. */
export function summarizeIssues(issues: readonly Issue[], maxIssues = 3): string {
  const parts = issues.slice(0, maxIssues).map(describeIssue)
  if (issues.length > maxIssues) parts.push(`and ${issues.length - maxIssues} more`)
  const line = parts.join('; ').replace(/\s+/g, ' ')
  return line.length > MAX_SUMMARY_CHARS ? `${line.slice(0, MAX_SUMMARY_CHARS - 1)}…` : line
}

function describeIssue(issue: Issue): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ')
    const field = where === undefined ? '' : ` in ${where}`
    return `unexpected field${issue.keys.length > 1 ? 's' : ''} ${keys}${field}`
  }
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
    return `${where ?? 'arguments'}: missing (expected ${issue.expected})`
  }
  return `${where ?? 'arguments'}: ${issue.message}`
}
