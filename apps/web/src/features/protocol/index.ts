export { ProtocolView, type ProtocolViewProps } from './components/protocol-view';
