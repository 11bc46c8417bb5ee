// The works of the style guides' published examples (see tests/unit/citations.test.ts),
// as a reference manager would export them: the tests' papers, imported as BibTeX.

export const GUIDE_ENTRIES = {
  mccauley2019: String.raw`@article{mccauley2019, author={McCauley, Stewart M. and Christiansen, Morten H.},
  title={Language learning as language use: A crosslinguistic model of child language development},
  journal={Psychological Review}, year={2019}, volume={126}, number={1}, pages={1--51}, doi={10.1037/rev0000126}}`,
  sapolsky2017: String.raw`@book{sapolsky2017, author={Sapolsky, Robert M.}, title={Behave: The biology of humans at our best and worst},
  publisher={Penguin Books}, year={2017}}`,
  hampton2017: String.raw`@article{hampton2017, author={Hampton, S. and Rabagliati, H. and Sorace, A. and Fletcher-Watson, S.},
  title={Autism and bilingualism: A qualitative interview study of parents' perspectives and experiences},
  journal={PsyArXiv}, year={2017}}`,
  wigner1965: String.raw`@article{wigner1965, author={Wigner, E. P.}, title={Theory of traveling-wave optical laser},
  journal={Phys. Rev.}, volume={134}, pages={A635--A646}, year={1965}, month=dec}`,
  payne1985: String.raw`@inproceedings{payne1985, author={Payne, D. B. and Stern, J. R.},
  title={Wavelength-switched passively coupled single-mode optical network}, booktitle={Proc. IOOC-ECOC},
  year={1985}, pages={585--590}}`,
  cheng2019: String.raw`@article{cheng2019, author={Cheng, F. and Kov{\'a}cs, I. A. and Barab{\'a}si, A.-L.},
  title={Network-based prediction of drug combinations}, journal={Nat. Commun.}, volume={10}, pages={1197}, year={2019}}`,
  babichev2002: String.raw`@misc{babichev2002, author={Babichev, S. A. and Ries, J. and Lvovsky, A. I.},
  title={Quantum scissors: teleportation of single-mode optical states by means of a nonlocal single photon},
  year={2002}, eprint={quant-ph/0208066}, archivePrefix={arXiv}}`,
  halpern2002: String.raw`@article{halpern2002, author={Halpern, Scott D. and Ubel, Peter A. and Caplan, Arthur L.},
  title={Solid-organ transplantation in {HIV}-infected patients}, journal={N Engl J Med}, date={2002-07-25},
  volume={347}, number={4}, pages={284--287}}`,
  grazer2015: String.raw`@book{grazer2015, author={Grazer, Brian and Fishman, Charles}, title={A Curious Mind: The Secret to a Bigger Life},
  publisher={Simon \& Schuster}, year={2015}}`,
} as const

export type GuideKey = keyof typeof GUIDE_ENTRIES

/** The entries of `keys`, as one BibTeX file. */
export function guideBibtex(...keys: GuideKey[]): string {
  return `${keys.map((key) => GUIDE_ENTRIES[key]).join('\n')}\n`
}
