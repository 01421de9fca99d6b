// The review feature's public surface (the queue page is loaded by the router on its own).
export { ClaimInParagraph } from './components/ClaimInParagraph';
