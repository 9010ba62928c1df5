// The floor's build: as bare as Next.js comes, with the app's own production settings that change
// what a response costs (no "powered by" header; compression as the app has it).
export default { poweredByHeader: false };
