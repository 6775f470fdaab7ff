export * from "./calendar";
export * from "./notifier";
