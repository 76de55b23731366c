// saxen ships without type declarations; this covers the part src/xlsx.ts uses.
declare module "saxen" {
  type Decode = (text: string) => string;
  export class Parser {
    on(event: "openTag", cb: (name: string, attrs: () => Record<string, string> | false, decode: Decode, selfClosing: boolean) => void): this;
    on(event: "closeTag", cb: (name: string, decode: Decode, selfClosing: boolean) => void): this;
    on(event: "text", cb: (value: string, decode: Decode) => void): this;
    on(event: "cdata", cb: (value: string) => void): this;
    on(event: "attention", cb: (value: string) => void): this;
    on(event: "error", cb: (error: Error) => void): this;
    parse(xml: string): Error | undefined;
  }
}
