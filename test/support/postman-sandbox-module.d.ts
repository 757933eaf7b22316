// postman-sandbox (newman's script sandbox) ships no types; the tests use createContext only.
declare module 'postman-sandbox' {
  const Sandbox: {
    createContext(options: object, callback: (error: unknown, context: never) => void): void;
  };
  export default Sandbox;
}
